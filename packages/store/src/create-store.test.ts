// Stack: temporary directories only; the Redis cases here need no server (they test failing to
// reach one). Choosing Redis when it is up is covered in redis.test.ts.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';
import { InvalidArgumentError, StoreOpenError } from './errors.js';
import { createRedisStore } from './redis/redis-store.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gatehouse-factory-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createStore', () => {
  it.each([
    ['no Redis URL', undefined],
    ['an empty Redis URL', ''],
  ])('opens SQLite in the data directory with %s', async (_, redisUrl) => {
    const dataDir = join(root, 'nested', 'data');
    const store = await createStore({ dataDir, redisUrl });
    try {
      expect(store.backend).toBe('sqlite');
      await expect(store.ping()).resolves.toBeUndefined();
      expect((await stat(join(dataDir, 'gatehouse.db'))).isFile()).toBe(true);
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    } finally {
      await store.close();
    }
  });

  it('names the directory when it cannot be created', async () => {
    const blocker = join(root, 'a-file');
    await writeFile(blocker, 'not a directory');
    const opening = createStore({ dataDir: join(blocker, 'data') });
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    await expect(opening).rejects.toThrow(`data directory ${join(blocker, 'data')}`);
  });

  it('fails fast and without leaking the password when Redis does not answer', async () => {
    const started = Date.now();
    const opening = createStore({ dataDir: root, redisUrl: 'redis://:hunter2@127.0.0.1:1' });
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    const error = (await opening.catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/^Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 is unreachable: /);
    expect(error.message).not.toContain('hunter2');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it.each([
    ['SQLite', undefined],
    ['Redis', 'redis://127.0.0.1:1'],
  ])('refuses a malformed audit chain key on %s before opening anything', async (_, redisUrl) => {
    const dataDir = join(root, 'never-created');
    const opening = createStore({ dataDir, redisUrl, auditChainKey: 'too-short' });
    await expect(opening).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(opening).rejects.toThrow('invalid auditChainKey: must decode to at least 32');
    await expect(stat(dataDir)).rejects.toThrow('ENOENT');
  });

  it('refuses an empty Redis key prefix', async () => {
    await expect(
      createRedisStore({ url: 'redis://127.0.0.1:1', keyPrefix: '' }),
    ).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
