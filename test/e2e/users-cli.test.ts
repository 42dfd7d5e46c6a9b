/**
 * Stack: `pnpm users` run as its own process against a fresh SQLite store (temp dir), then the
 * authorization server in-process over that store, signing the new user in over HTTP.
 * Production refuses demo accounts, so this is how real users come to exist.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunningAuthorizationServer } from '@gatehouse/authorization-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToAccount } from '../support/account-pages.js';
import {
  openTestStore,
  startAuthorizationServer,
  TEST_AUDIT_CHAIN_KEY,
  type TestStore,
} from '../support/stack.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let testStore: TestStore;

function runUsers(args: string[], stdin = ''): Promise<{ code: number; output: string }> {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: testStore.dataDir,
    AUDIT_CHAIN_KEY: TEST_AUDIT_CHAIN_KEY,
  };
  return new Promise((resolve) => {
    const child = execFile(
      'pnpm',
      ['--silent', 'users', ...args],
      { cwd: REPO_ROOT, env, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, output: `${stdout}${stderr}`.trim() });
      },
    );
    child.stdin?.end(stdin);
  });
}

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
});

afterAll(async () => {
  await testStore?.dispose();
});

describe('pnpm users', () => {
  it('adds a user whose password arrives on stdin, who can then sign in', async () => {
    const added = await runUsers(
      ['add', '--email', 'ada@example.com', '--name', 'Ada Lovelace', '--role', 'admin'],
      'correct horse battery\n',
    );
    expect(added).toEqual({ code: 0, output: 'Created ada@example.com (admin).' });
    const listed = await runUsers(['list']);
    expect(listed.output).toContain('ada@example.com\tadmin\tAda Lovelace');

    let as: RunningAuthorizationServer | undefined;
    try {
      as = await startAuthorizationServer(testStore.store);
      await signInToAccount(as.url, {
        email: 'ada@example.com',
        password: 'correct horse battery',
      });
    } finally {
      await as?.close();
    }
  });

  it('names the field it refuses, with exit code 1', async () => {
    const weak = await runUsers(['add', '--email', 'bea@example.com', '--name', 'Bea'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('password: use 12');
    const taken = await runUsers(
      ['add', '--email', 'ada@example.com', '--name', 'Ada'],
      'correct horse battery\n',
    );
    expect(taken).toMatchObject({ code: 1 });
    expect(taken.output).toContain('exists already');
  });

  it('disables a user so they cannot sign in, and enables them again', async () => {
    expect(await runUsers(['disable', '--email', 'ada@example.com'])).toEqual({
      code: 0,
      output: 'ada@example.com is disabled.',
    });
    expect((await testStore.store.users.findByEmail('ada@example.com'))?.disabled).toBe(true);
    expect(await runUsers(['enable', '--email', 'ada@example.com'])).toEqual({
      code: 0,
      output: 'ada@example.com is enabled.',
    });
  });

  it('prints its usage for an unknown command, with exit code 2', async () => {
    const result = await runUsers(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.output).toContain('pnpm users add --email');
  });
});
