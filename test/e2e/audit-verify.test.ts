/**
 * Stack: the authorization server in-process over a fresh seeded store (SQLite, and Redis when
 * one answers) keyed with TEST_AUDIT_CHAIN_KEY, writing real audit events through its pages;
 * then `pnpm audit:verify` run as its own process against the same store and key, before and
 * after the chain is changed behind the store's back (SQLite through the store's own driver,
 * Redis through ioredis). The tests run in order on one chain: each tampers further.
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
  TEST_AUDIT_CHAIN_KEY,
  type TestStore,
} from '../support/stack.js';
import { forgeAuditChain, tamperAuditActor, truncateAuditChain } from '../support/tamper.js';
import { UserAgent } from '../support/user-agent.js';

const backends: Backend[] = ['sqlite', ...((await isRedisAvailable()) ? (['redis'] as const) : [])];
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `pnpm audit:verify [args]` against the test store with its key; resolves its exit code
 * and output.
 */
function runAuditVerify(
  testStore: TestStore,
  args: string[] = [],
): Promise<{ code: number; output: string }> {
  const env = {
    NODE_ENV: 'test',
    AUDIT_CHAIN_KEY: TEST_AUDIT_CHAIN_KEY,
    ...(testStore.backend === 'sqlite'
      ? { DATA_DIR: testStore.dataDir }
      : { REDIS_URL, REDIS_KEY_PREFIX: testStore.redisKeyPrefix }),
  };
  return new Promise((resolve) => {
    execFile(
      'pnpm',
      ['--silent', 'audit:verify', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: 30_000 },
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

  let head: string;

  it('reports an intact chain with its length and head, exit code 0', async () => {
    const { code, output } = await runAuditVerify(testStore);
    const [intact, headLine] = output.split('\n');
    expect(intact).toBe('Audit chain intact (3 events).');
    head = /^Head: (3:[0-9a-f]{64}) /.exec(headLine ?? '')?.[1] ?? 'no head printed';
    expect(head).toMatch(/^3:/);
    expect(code).toBe(0);
  });

  it('accepts the head it printed as the expected head, exit code 0', async () => {
    const { code, output } = await runAuditVerify(testStore, ['--expect-head', head]);
    expect(output).toContain('Audit chain intact (3 events).');
    expect(code).toBe(0);
  });

  it('reports the newest event deleted as truncation against the expected head, exit code 1', async () => {
    await truncateAuditChain(testStore, 2);
    expect(await runAuditVerify(testStore)).toMatchObject({ code: 0 });
    const { code, output } = await runAuditVerify(testStore, ['--expect-head', head]);
    const [, hash] = head.split(':');
    expect(output).toContain(
      `Audit chain truncated: expected event 3 with hash ${hash}, the chain ends at 2.`,
    );
    expect(code).toBe(1);
  });

  it('refuses a malformed expected head, exit code 2', async () => {
    const { code, output } = await runAuditVerify(testStore, ['--expect-head', '3:nothex']);
    expect(output).toContain('--expect-head must be <seq>:<hash>');
    expect(code).toBe(2);
  });

  it('names the first broken link after an event was changed behind the store, exit code 1', async () => {
    await tamperAuditActor(testStore, 2, 'user-carol');
    const { code, output } = await runAuditVerify(testStore);
    expect(output).toContain('Audit chain broken at event 2 (hash_mismatch)');
    expect(code).toBe(1);
  });

  it.each<['own_key' | 'unkeyed', string]>([
    ['own_key', 'Audit chain broken at event 2 (hash_mismatch)'],
    ['unkeyed', 'Audit chain broken at event 2 (unkeyed)'],
  ])(
    'detects an event rewritten with every later hash recomputed without the key (%s), exit code 1',
    async (as, message) => {
      await forgeAuditChain(testStore, 2, 'user-carol', as);
      const { code, output } = await runAuditVerify(testStore);
      expect(output).toContain(message);
      expect(code).toBe(1);
    },
  );
});
