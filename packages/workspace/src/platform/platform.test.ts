import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../core/site.js';
import { demoActor } from '../seed/demo-ids.js';
import { alice, bob, carol, createSeededWorkspace, PERSONAS } from '../testing/test-fixtures.js';
import type { Workspace } from '../workspace.js';
import { issueAri, pageAri } from './ari.js';

let workspace: Workspace;
beforeAll(async () => {
  ({ workspace } = await createSeededWorkspace());
});

describe('atlassianUserInfo and getAccessibleAtlassianResources', () => {
  it('describes the acting user', async () => {
    expect(await workspace.atlassianUserInfo(carol)).toEqual({
      accountId: 'user-carol',
      name: 'Carol Contractor',
      email: 'carol@example.com',
      orgRole: 'member',
    });
    expect((await workspace.atlassianUserInfo(alice)).orgRole).toBe('admin');
  });

  it('lists the demo site with the scopes the server passes in', async () => {
    expect(
      await workspace.getAccessibleAtlassianResources(bob, {
        scopes: ['read:jira-work', 'read:me', 'read:jira-work'],
      }),
    ).toEqual([{ ...DEMO_SITE, scopes: ['read:jira-work', 'read:me'] }]);
  });
});

describe('search', () => {
  async function titles(persona: (typeof PERSONAS)[number], query: string) {
    const page = await workspace.search(demoActor(persona), { query, maxResults: 100 });
    return page.items.map((hit) => hit.title);
  }

  it('finds issues and pages together, only those the actor may open', async () => {
    expect(await titles('bob', 'credentials')).toEqual([
      'OPS-10: Rotate the database credentials used by reporting jobs',
      'Postmortem: staging credentials in a public log',
    ]);
    expect(await titles('carol', 'credentials')).toEqual([
      'OPS-10: Rotate the database credentials used by reporting jobs',
    ]);
  });

  it.each([
    ['reconciliation', [3, 3, 0]],
    ['salary bands', [1, 0, 0]],
  ])('counts for "%s" differ by persona', async (query, counts) => {
    const found = await Promise.all(PERSONAS.map((persona) => titles(persona, query)));
    expect(found.map((list) => list.length)).toEqual(counts);
  });

  it('returns ids that fetch accepts, newest first, paged', async () => {
    const first = await workspace.search(bob, { query: 'introspection', maxResults: 2 });
    expect(first).toMatchObject({ startAt: 0, maxResults: 2, isLast: false });
    const updated = first.items.map((hit) => Date.parse(hit.updated));
    expect(updated[0]).toBeGreaterThanOrEqual(updated[1] ?? 0);
    for (const hit of first.items) {
      const fetched = await workspace.fetch(bob, { id: hit.id });
      expect(fetched.type).toBe(hit.type);
    }
  });
});

describe('fetch', () => {
  it('returns a full issue or page', async () => {
    const issue = await workspace.fetch(carol, { id: issueAri(DEMO_SITE, '10001') });
    expect(issue).toMatchObject({ type: 'issue', issue: { key: 'OPS-1' } });
    const byKey = await workspace.fetch(carol, { id: 'OPS-1' });
    expect(byKey).toEqual(issue);
    const page = await workspace.fetch(carol, { id: pageAri(DEMO_SITE, '6') });
    expect(page).toMatchObject({ type: 'page', page: { title: 'Runbook: introspection latency' } });
  });

  it.each([
    ['FIN-1 as an ARI', issueAri(DEMO_SITE, '10035'), 'Issue 10035 was not found.'],
    ['FIN-1 as a key', 'FIN-1', 'Issue FIN-1 was not found.'],
    ['a restricted page', pageAri(DEMO_SITE, '10'), 'Page 10 was not found.'],
    [
      'another site',
      'ari:cloud:jira:elsewhere:issue/10001',
      'Item ari:cloud:jira:elsewhere:issue/10001 was not found.',
    ],
  ])('answers not_found for %s', async (_label, id, message) => {
    await expect(workspace.fetch(carol, { id })).rejects.toMatchObject({
      code: 'not_found',
      message,
    });
  });
});
