import { type RecordStore, type UserStore, verifyPassword } from '@gatehouse/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { KINDS, SEQUENCES } from '../model/kinds.js';
import { createMemoryRecordStore, createMemoryUserStore } from '../testing/memory-records.js';
import { createSeededWorkspace, PERSONAS, TEST_PASSWORD } from '../testing/test-fixtures.js';
import { createWorkspace } from '../workspace.js';
import { DEMO_ORG_ID, DEMO_USERS, demoActor, SEED_VERSION } from './demo-ids.js';
import { buildSeedPlan, SEED_MARKER_ID, seedDemoOrg } from './seed-demo-org.js';

/** Everything in both stores, to compare before and after. */
async function snapshot(records: RecordStore, users: UserStore) {
  const kinds: Record<string, unknown[]> = {};
  for (const kind of Object.values(KINDS)) kinds[kind] = await records.list(kind);
  return { kinds, users: await users.listByOrg(DEMO_ORG_ID) };
}

describe('buildSeedPlan', () => {
  const plan = buildSeedPlan();
  const count = (kind: string) => plan.records.filter((r) => r.kind === kind).length;

  it.each([
    [KINDS.project, 3],
    [KINDS.issue, 42],
    [KINDS.issueComment, 11],
    [KINDS.space, 3],
    [KINDS.page, 26],
    [KINDS.desk, 1],
    [KINDS.request, 6],
    [KINDS.repository, 3],
    [KINDS.pullRequest, 6],
    [KINDS.component, 6],
  ])('holds the expected number of %s records', (kind, expected) => {
    expect(count(kind)).toBe(expected);
  });

  it('never plans two records with the same kind and id', () => {
    const ids = plan.records.map((r) => `${r.kind}/${r.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('spreads issues across statuses and assignees', () => {
    const issues = plan.records
      .filter((r) => r.kind === KINDS.issue)
      .map((r) => r.value as { status: string; assigneeId: string | null });
    expect(new Set(issues.map((i) => i.status))).toEqual(
      new Set(['To Do', 'In Progress', 'In Review', 'Done']),
    );
    expect(new Set(issues.map((i) => i.assigneeId))).toEqual(
      new Set(['user-alice', 'user-bob', 'user-carol', null]),
    );
  });
});

describe('seedDemoOrg', () => {
  let records: RecordStore;
  let users: UserStore;
  beforeAll(async () => {
    records = createMemoryRecordStore();
    users = createMemoryUserStore();
    await expect(seedDemoOrg({ records, users }, { password: TEST_PASSWORD })).resolves.toEqual({
      seeded: true,
      version: SEED_VERSION,
    });
  });

  it('creates the three users with hashed passwords and their org roles', async () => {
    for (const persona of PERSONAS) {
      const user = await users.findByEmail(DEMO_USERS[persona].email);
      expect(user).toMatchObject({ ...DEMO_USERS[persona], orgId: 'demo', disabled: false });
      expect(user?.passwordHash).toMatch(/^scrypt\$/);
      expect(await verifyPassword(TEST_PASSWORD, user?.passwordHash ?? '')).toBe(true);
    }
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot(records, users);
    await expect(seedDemoOrg({ records, users }, { password: 'other' })).resolves.toEqual({
      seeded: false,
      version: SEED_VERSION,
    });
    expect(await snapshot(records, users)).toEqual(before);
  });

  it('moves sequences past the seeded numbers', async () => {
    expect(await records.nextSequence(SEQUENCES.issueKey('OPS'))).toBe(19);
    expect(await records.nextSequence(SEQUENCES.page)).toBe(27);
    expect(await records.nextSequence(SEQUENCES.requestKey('HELP'))).toBe(7);
  });

  it('records the seed version in a marker', async () => {
    expect(await records.get(KINDS.meta, SEED_MARKER_ID)).toMatchObject({ version: SEED_VERSION });
  });
});

describe('seedDemoOrg on a store that already holds data', () => {
  it('completes an interrupted seed without duplicates or overwrites', async () => {
    const records = createMemoryRecordStore();
    const users = createMemoryUserStore();
    const planned = buildSeedPlan().records.find((r) => r.kind === KINDS.issue && r.id === 'OPS-1');
    const edited = { ...(planned?.value as object), summary: 'Edited by hand' };
    await records.put(KINDS.issue, 'OPS-1', edited);
    await seedDemoOrg({ records, users }, { password: TEST_PASSWORD });
    expect(await records.get(KINDS.issue, 'OPS-1')).toEqual(edited);
    expect(await records.list(KINDS.issue)).toHaveLength(42);
  });

  it('keeps the password of a user who already exists', async () => {
    const records = createMemoryRecordStore();
    const users = createMemoryUserStore();
    await users.put({
      ...DEMO_USERS.bob,
      orgId: DEMO_ORG_ID,
      passwordHash: 'scrypt$kept',
      createdAt: 1,
      disabled: false,
    });
    await seedDemoOrg({ records, users }, { password: TEST_PASSWORD });
    expect((await users.findById(DEMO_USERS.bob.id))?.passwordHash).toBe('scrypt$kept');
    expect(await users.listByOrg(DEMO_ORG_ID)).toHaveLength(3);
  });

  it('refuses an empty password', async () => {
    const deps = { records: createMemoryRecordStore(), users: createMemoryUserStore() };
    await expect(seedDemoOrg(deps, { password: '' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'password',
    });
  });
});

describe('the visible differences between alice, bob and carol', () => {
  it('matches the table in README.md', async () => {
    const { records, users } = await createSeededWorkspace();
    const workspace = createWorkspace({ records, users });
    const rows = await Promise.all(
      PERSONAS.map(async (persona) => {
        const actor = demoActor(persona);
        const can = (promise: Promise<unknown>) =>
          promise.then(
            () => 'yes',
            (error) => error.code,
          );
        return {
          projects: (await workspace.getVisibleJiraProjects(actor)).items.map((p) => p.key),
          issues: (await workspace.searchJiraIssuesUsingJql(actor)).total,
          spaces: (await workspace.getConfluenceSpaces(actor)).items.map((s) => s.key),
          pages: (await workspace.searchConfluenceUsingCql(actor)).total,
          readFinancePage: await can(workspace.getConfluencePage(actor, { pageId: '22' })),
          requests: (await workspace.listServiceDeskRequests(actor)).total,
          repositories: (await workspace.listBitbucketRepositories(actor)).total,
        };
      }),
    );
    expect(rows).toEqual([
      {
        projects: ['FIN', 'OPS', 'WEB'],
        issues: 42,
        spaces: ['ENG', 'FIN', 'TEAM'],
        pages: 26,
        readFinancePage: 'yes',
        requests: 6,
        repositories: 3,
      },
      {
        projects: ['FIN', 'OPS', 'WEB'],
        issues: 42,
        spaces: ['ENG', 'FIN', 'TEAM'],
        pages: 25,
        readFinancePage: 'yes',
        requests: 6,
        repositories: 3,
      },
      {
        projects: ['OPS', 'WEB'],
        issues: 34,
        spaces: ['ENG', 'TEAM'],
        pages: 18,
        readFinancePage: 'not_found',
        requests: 3,
        repositories: 2,
      },
    ]);
  });
});
