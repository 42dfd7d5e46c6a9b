import { beforeAll, describe, expect, it } from 'vitest';
import { alice, bob, carol, createSeededWorkspace } from '../testing/test-fixtures.js';
import type { Workspace } from '../workspace.js';

const ACTORS = { alice, bob, carol };
let workspace: Workspace;
beforeAll(async () => {
  ({ workspace } = await createSeededWorkspace());
});

async function ids(name: keyof typeof ACTORS, cql: string): Promise<string[]> {
  const page = await workspace.searchConfluenceUsingCql(ACTORS[name], { cql, maxResults: 100 });
  return page.items.map((item) => item.id);
}

describe('searchConfluenceUsingCql: evaluation over the seed', () => {
  it.each<[keyof typeof ACTORS, string, string[]]>([
    ['bob', 'space = FIN ORDER BY title', ['23', '21', '22', '25', '24']],
    ['alice', 'space = FIN ORDER BY title', ['23', '21', '22', '25', '26', '24']],
    ['bob', 'title ~ postmortem ORDER BY created', ['8', '10', '9']],
    ['carol', 'title ~ postmortem ORDER BY created', ['8', '9']],
    ['bob', 'text ~ rotated ORDER BY created', ['3', '10', '11']],
    ['carol', 'text ~ rotated ORDER BY created', ['3']],
    ['carol', 'creator = currentUser() AND space = ENG ORDER BY title', ['12', '6']],
    ['bob', 'creator = "carol@example.com" ORDER BY title', ['12', '6']],
    ['bob', 'parent = 16', ['18']],
    ['carol', 'id in (10, 11, 12)', ['12']],
    ['bob', 'title = "on-call policy"', ['7']],
    ['bob', 'title !~ a AND space = TEAM ORDER BY title', ['17', '16']],
    [
      'carol',
      'type = page AND space in (TEAM) ORDER BY lastmodified DESC',
      ['18', '14', '20', '19', '17', '16', '15', '13'],
    ],
    [
      'bob',
      'space = "team handbook" AND (title ~ holidays OR title ~ expense) ORDER BY title',
      ['19', '15'],
    ],
  ])('as %s: %s', async (name, cql, expected) => {
    expect(await ids(name, cql)).toEqual(expected);
  });

  it('counts only the pages each persona may view', async () => {
    const totals = await Promise.all(
      [alice, bob, carol].map(
        async (actor) => (await workspace.searchConfluenceUsingCql(actor, { cql: '' })).total,
      ),
    );
    expect(totals).toEqual([26, 25, 18]);
  });

  it.each<[keyof typeof ACTORS, string, string]>([
    [
      'carol',
      'space = FIN',
      'CQL: the value "FIN" does not exist for the field "space" (character 9).',
    ],
    [
      'bob',
      'space = NOPE',
      'CQL: the value "NOPE" does not exist for the field "space" (character 9).',
    ],
    [
      'bob',
      'type = blogpost',
      'CQL: the value "blogpost" does not exist for the field "type" (character 8). Known values: page.',
    ],
    [
      'bob',
      'creator = dave@example.com',
      'CQL: the value "dave@example.com" does not exist for the field "creator" (character 11).',
    ],
  ])('as %s: %s names the unknown value', async (name, cql, message) => {
    await expect(ids(name, cql)).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'cql',
      message,
    });
  });

  it('pages the results', async () => {
    const first = await workspace.searchConfluenceUsingCql(bob, {
      cql: 'space = ENG ORDER BY created',
      maxResults: 4,
    });
    const last = await workspace.searchConfluenceUsingCql(bob, {
      cql: 'space = ENG ORDER BY created',
      maxResults: 4,
      startAt: 8,
    });
    expect(first).toMatchObject({ total: 12, isLast: false });
    expect(first.items).toHaveLength(4);
    expect(last).toMatchObject({ total: 12, isLast: true });
    expect(last.items).toHaveLength(4);
  });
});
