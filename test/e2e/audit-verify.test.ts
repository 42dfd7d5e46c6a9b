/**
 * Stack: the authorization server in-process over a fresh seeded store (SQLite, and Redis when
 * one answers), writing real audit events through its pages; then `pnpm audit:verify` run as
 * its own process against the same store, before and after an event is changed behind the
 * store's back (SQLite through the store's own driver, Redis through ioredis).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunningAuthorizationServer } from '@gatehouse/authorization-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, signInToAccount } from '../support/account-pages.js';
import {
  type Backend,
  DEMO_PASSWORD,
  isRedisAvailable,
  openTestStore,
  REDIS_URL,
  startAuthorizationServer,
  type TestStore,
} from '../support/stack.js';
import { tamperAuditActor } from '../support/tamper.js';
import { UserAgent } from '../support/user-agent.js';

const backends: Backend[] = ['sqlite', ...((await isRedisAvailable()) ? (['redis'] as const) : [])];
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `pnpm audit:verify` against the test store; resolves its exit code and output. */
function runAuditVerify(testStore: TestStore): Promise<{ code: number; output: string }> {
  const env =
    testStore.backend === 'sqlite'
      ? { DATA_DIR: testStore.dataDir }
      : { REDIS_URL, REDIS_KEY_PREFIX: testStore.redisKeyPrefix };
  return new Promise((resolve) => {
    execFile(
      'pnpm',
      ['--silent', 'audit:verify'],
      { cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: 'test', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, output: `${stdout}${stderr}`.trim() });
      },
    );
  });
}

describe.each(backends)('pnpm audit:verify on %s', (backend) => {
  let testStore: TestStore;
  let as: RunningAuthorizationServer;

  beforeAll(async () => {
    testStore = await openTestStore(backend);
    as = await startAuthorizationServer(testStore.store);
    const stranger = new UserAgent();
    const { csrf } = await openPage(stranger, `${as.url}/account/sign-in`);
    await stranger.postForm(`${as.url}/account/sign-in`, {
      email: 'bob@example.com',
      password: 'wrong-password',
      csrf,
    });
    await signInToAccount(as.url, { email: 'bob@example.com', password: DEMO_PASSWORD });
    await signInToAccount(as.url, { email: 'alice@example.com', password: DEMO_PASSWORD });
  });

  afterAll(async () => {
    await as?.close();
    await testStore?.dispose();
  });

  it('reports an intact chain with its length, exit code 0', async () => {
    const { code, output } = await runAuditVerify(testStore);
    expect(output).toBe('Audit chain intact (3 events).');
    expect(code).toBe(0);
  });

  it('names the first broken link after an event was changed behind the store, exit code 1', async () => {
    await tamperAuditActor(testStore, 2, 'user-carol');
    const { code, output } = await runAuditVerify(testStore);
    expect(output).toContain('Audit chain broken at event 2 (hash_mismatch)');
    expect(code).toBe(1);
  });
});
