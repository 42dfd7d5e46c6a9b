import type { RecordStore, User, UserStore } from '@gatehouse/store';
import { DEMO_SITE } from '../core/site.js';
import { DEMO_ORG_ID, type DemoPersona, demoActor } from '../seed/demo-ids.js';
import { seedDemoOrg } from '../seed/seed-demo-org.js';
import { createWorkspace, type Workspace } from '../workspace.js';
import { createMemoryRecordStore, createMemoryUserStore } from './memory-records.js';

/** The password the tests seed with. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** A clock that starts after the seed data and moves one minute per reading. */
export function createTestClock(start = Date.parse('2025-03-01T09:00:00Z')) {
  let now = start;
  return () => {
    now += 60_000;
    return now;
  };
}

export interface SeededWorkspace {
  workspace: Workspace;
  records: RecordStore;
  users: UserStore;
}

let seededUsers: Promise<User[]> | undefined;

/** The demo users, hashed once per test file (scrypt is slow on purpose). */
async function demoUsers(): Promise<User[]> {
  seededUsers ??= (async () => {
    const users = createMemoryUserStore();
    await seedDemoOrg({ records: createMemoryRecordStore(), users }, { password: TEST_PASSWORD });
    return users.listByOrg(DEMO_ORG_ID);
  })();
  return seededUsers;
}

/**
 * A workspace on fresh in-memory stores holding the demo org. The users are copied from a
 * cached run, so `seedDemoOrg` keeps them and skips hashing; the records are seeded anew.
 */
export async function createSeededWorkspace(): Promise<SeededWorkspace> {
  const records = createMemoryRecordStore();
  const users = createMemoryUserStore();
  for (const user of await demoUsers()) await users.put(user);
  await seedDemoOrg({ records, users }, { password: TEST_PASSWORD });
  const workspace = createWorkspace(
    { records, users },
    { site: DEMO_SITE, now: createTestClock() },
  );
  return { workspace, records, users };
}

/** The three personas in table order. */
export const PERSONAS: DemoPersona[] = ['alice', 'bob', 'carol'];

export const alice = demoActor('alice');
export const bob = demoActor('bob');
export const carol = demoActor('carol');

/** Awaits `promise` and returns the `code` of its `WorkspaceError`, or `ok` when it resolves. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof Error && 'code' in error) return String(error.code);
    throw error;
  }
}
