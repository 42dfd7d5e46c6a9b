import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.js';
import { alice, bob, carol, createSeededWorkspace } from '../testing/test-fixtures.js';
import type { Workspace } from '../workspace.js';

const ACTORS = { alice, bob, carol };
let workspace: Workspace;
beforeAll(async () => {
  ({ workspace } = await createSeededWorkspace());
});

async function keys(actor: Actor, jql: string): Promise<string[]> {
  const page = await workspace.searchJiraIssuesUsingJql(actor, { jql, maxResults: 100 });
  return page.items.map((issue) => issue.key);
}

describe('searchJiraIssuesUsingJql: evaluation over the seed', () => {
  it.each<[keyof typeof ACTORS, string, string[]]>([
    [
      'bob',
      'project = FIN ORDER BY key',
      ['FIN-1', 'FIN-2', 'FIN-3', 'FIN-4', 'FIN-5', 'FIN-6', 'FIN-7', 'FIN-8'],
    ],
    [
      'carol',
      'assignee = currentUser() AND project = OPS ORDER BY key',
      ['OPS-2', 'OPS-4', 'OPS-6', 'OPS-10', 'OPS-14', 'OPS-15'],
    ],
    [
      'alice',
      'assignee = "bob@example.com" AND status = "In Progress" ORDER BY key',
      ['FIN-2', 'OPS-1', 'OPS-9', 'OPS-16', 'WEB-7', 'WEB-8'],
    ],
    [
      'carol',
      'assignee = "bob@example.com" AND status = "In Progress" ORDER BY key',
      ['OPS-1', 'OPS-9', 'OPS-16', 'WEB-7', 'WEB-8'],
    ],
    [
      'bob',
      'assignee is EMPTY ORDER BY key',
      ['FIN-7', 'OPS-3', 'OPS-7', 'OPS-13', 'OPS-18', 'WEB-3', 'WEB-11', 'WEB-15'],
    ],
    ['carol', 'labels = security ORDER BY key', ['OPS-10', 'OPS-16', 'OPS-17', 'WEB-12']],
    ['alice', 'labels in (billing, payroll) ORDER BY key', ['FIN-3', 'WEB-6', 'WEB-9', 'WEB-15']],
    ['alice', 'type = epic ORDER BY key', ['FIN-4', 'OPS-1', 'OPS-14', 'WEB-6']],
    [
      'bob',
      'project = WEB AND status != Done AND type = Bug ORDER BY key',
      ['WEB-4', 'WEB-7', 'WEB-9', 'WEB-12', 'WEB-15'],
    ],
    ['carol', 'text ~ "VoiceOver"', ['WEB-2']],
    ['bob', 'summary ~ "tls certificate"', ['OPS-2']],
    ['bob', 'comment ~ escalation', ['OPS-4']],
    ['bob', 'description ~ CSP', ['WEB-1']],
    [
      'bob',
      'reporter = user-carol AND project = OPS ORDER BY key',
      ['OPS-3', 'OPS-6', 'OPS-8', 'OPS-12', 'OPS-13', 'OPS-15'],
    ],
    [
      'bob',
      '(project = OPS OR project = WEB) AND priority = Highest ORDER BY key',
      ['OPS-2', 'OPS-9', 'WEB-1'],
    ],
    ['carol', 'key in (OPS-1, FIN-1, 10035)', ['OPS-1']],
    [
      'bob',
      'NOT project = OPS AND labels = accessibility ORDER BY key',
      ['WEB-2', 'WEB-3', 'WEB-10'],
    ],
    ['bob', 'project = "customer web app" AND labels = cleanup', ['WEB-16']],
    [
      'carol',
      'status = "in review" ORDER BY key',
      ['OPS-4', 'OPS-11', 'OPS-17', 'WEB-4', 'WEB-12'],
    ],
    [
      'carol',
      'project not in (OPS) AND assignee not in (bob@example.com) AND assignee is not empty ORDER BY key',
      ['WEB-2', 'WEB-6', 'WEB-9', 'WEB-10', 'WEB-14'],
    ],
  ])('as %s: %s', async (name, jql, expected) => {
    expect(await keys(ACTORS[name], jql)).toEqual(expected);
  });

  it('matches issue ids as well as keys', async () => {
    const { id } = await workspace.getJiraIssue(bob, { issueIdOrKey: 'OPS-1' });
    expect(await keys(bob, `key = ${id}`)).toEqual(['OPS-1']);
  });
});

describe('searchJiraIssuesUsingJql: order', () => {
  it.each([
    [
      'project = FIN ORDER BY priority DESC, key ASC',
      ['FIN-3', 'FIN-1', 'FIN-4', 'FIN-6', 'FIN-2', 'FIN-5', 'FIN-8', 'FIN-7'],
    ],
    [
      'project = FIN ORDER BY created ASC',
      ['FIN-1', 'FIN-2', 'FIN-3', 'FIN-4', 'FIN-5', 'FIN-6', 'FIN-7', 'FIN-8'],
    ],
    [
      'project = FIN ORDER BY updated DESC',
      ['FIN-8', 'FIN-4', 'FIN-5', 'FIN-2', 'FIN-7', 'FIN-6', 'FIN-1', 'FIN-3'],
    ],
    ['project = FIN', ['FIN-8', 'FIN-4', 'FIN-5', 'FIN-2', 'FIN-7', 'FIN-6', 'FIN-1', 'FIN-3']],
  ])('%s', async (jql, expected) => {
    expect(await keys(bob, jql)).toEqual(expected);
  });

  it('orders keys by number, not as text', async () => {
    const ordered = await keys(bob, 'project = OPS ORDER BY key');
    expect(ordered.slice(8, 11)).toEqual(['OPS-9', 'OPS-10', 'OPS-11']);
    expect((await keys(bob, 'project = OPS ORDER BY key DESC')).slice(0, 2)).toEqual([
      'OPS-18',
      'OPS-17',
    ]);
  });
});

describe('searchJiraIssuesUsingJql: values that name nothing', () => {
  it.each<[keyof typeof ACTORS, string, string]>([
    [
      'carol',
      'project = FIN',
      'JQL: the value "FIN" does not exist for the field "project" (character 11).',
    ],
    [
      'carol',
      'project = NOPE',
      'JQL: the value "NOPE" does not exist for the field "project" (character 11).',
    ],
    [
      'bob',
      'status = Blocked',
      'JQL: the value "Blocked" does not exist for the field "status" (character 10). Known values: To Do, In Progress, In Review, Done.',
    ],
    [
      'bob',
      'assignee = nobody@example.com',
      'JQL: the value "nobody@example.com" does not exist for the field "assignee" (character 12).',
    ],
    [
      'bob',
      'type in (Bug, Incident)',
      'JQL: the value "Incident" does not exist for the field "type" (character 15). Known values: Task, Bug, Story, Epic.',
    ],
    [
      'bob',
      'priority = Urgent',
      'JQL: the value "Urgent" does not exist for the field "priority" (character 12). Known values: Highest, High, Medium, Low, Lowest.',
    ],
  ])('as %s: %s', async (name, jql, message) => {
    await expect(keys(ACTORS[name], jql)).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'jql',
      message,
    });
  });
});

describe('searchJiraIssuesUsingJql: paging', () => {
  it.each([
    [0, 5, ['OPS-1', 'OPS-2', 'OPS-3', 'OPS-4', 'OPS-5'], false],
    [15, 5, ['OPS-16', 'OPS-17', 'OPS-18'], true],
    [18, 5, [], true],
  ])('startAt %i, maxResults %i', async (startAt, maxResults, expected, isLast) => {
    const page = await workspace.searchJiraIssuesUsingJql(bob, {
      jql: 'project = OPS ORDER BY key',
      startAt,
      maxResults,
    });
    expect(page.items.map((issue) => issue.key)).toEqual(expected);
    expect(page).toMatchObject({ total: 18, startAt, maxResults, isLast });
  });

  it('defaults to 25 per page and clamps larger pages to 100', async () => {
    expect(await workspace.searchJiraIssuesUsingJql(alice)).toMatchObject({
      total: 42,
      maxResults: 25,
      isLast: false,
    });
    const big = await workspace.searchJiraIssuesUsingJql(alice, { maxResults: 1000 });
    expect(big).toMatchObject({ maxResults: 100, isLast: true });
    expect(big.items).toHaveLength(42);
  });

  it('counts only what the actor may see', async () => {
    const totals = await Promise.all(
      [alice, bob, carol].map(
        async (actor) => (await workspace.searchJiraIssuesUsingJql(actor)).total,
      ),
    );
    expect(totals).toEqual([42, 42, 34]);
  });

  it.each([
    [{ maxResults: 0 }, 'maxResults', 'Invalid input. maxResults: must be 1 or more.'],
    [{ startAt: -1 }, 'startAt', 'Invalid input. startAt: must be 0 or more.'],
    [{ startAt: 1.5 }, 'startAt', 'Invalid input. startAt: must be a whole number.'],
  ])('rejects %j', async (paging, field, message) => {
    await expect(workspace.searchJiraIssuesUsingJql(bob, paging)).rejects.toMatchObject({
      code: 'invalid_input',
      field,
      message,
    });
  });
});
