import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type Store } from '@gatehouse/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rate-limiter-'));
  store = await createSqliteStore({ dataDir: dir, logger: { warn() {} } });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('createRateLimiter', () => {
  it('allows the configured points per window, then refuses with the time left', async () => {
    const limiter = createRateLimiter(store.limits, 'test', { points: 2, windowSeconds: 60 });
    expect(await limiter.consume('ip')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await limiter.consume('ip')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    const refused = await limiter.consume('ip');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.consume('other')).allowed).toBe(true);
  });

  it('checks without counting, locking once the limit is reached', async () => {
    const limiter = createRateLimiter(store.limits, 'test', { points: 2, windowSeconds: 60 });
    expect((await limiter.check('k')).allowed).toBe(true);
    await limiter.consume('k');
    expect((await limiter.check('k')).allowed).toBe(true);
    await limiter.consume('k');
    expect((await limiter.check('k')).allowed).toBe(false);
    expect((await limiter.check('k')).allowed).toBe(false);
  });

  it('forgets a key on reset, and keeps limiters with other names apart', async () => {
    const a = createRateLimiter(store.limits, 'a', { points: 1, windowSeconds: 60 });
    const b = createRateLimiter(store.limits, 'b', { points: 1, windowSeconds: 60 });
    await a.consume('k');
    expect((await a.consume('k')).allowed).toBe(false);
    expect((await b.consume('k')).allowed).toBe(true);
    await a.reset('k');
    expect((await a.consume('k')).allowed).toBe(true);
  });
});
