import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './rate-limiter.js';

describe('createMemoryRateLimiter', () => {
  it('allows the configured points per window, then refuses with the time left', async () => {
    let clock = 1_000_000;
    const limiter = createMemoryRateLimiter({ points: 2, windowSeconds: 60, now: () => clock });
    expect((await limiter.consume('ip')).allowed).toBe(true);
    expect((await limiter.consume('ip')).remaining).toBe(0);
    clock += 15_000;
    expect(await limiter.consume('ip')).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 45,
    });
    expect((await limiter.consume('other')).allowed).toBe(true);
    clock += 45_000;
    expect((await limiter.consume('ip')).allowed).toBe(true);
  });

  it('forgets a key on reset', async () => {
    const limiter = createMemoryRateLimiter({ points: 1, windowSeconds: 60 });
    await limiter.consume('k');
    expect((await limiter.consume('k')).allowed).toBe(false);
    await limiter.reset('k');
    expect((await limiter.consume('k')).allowed).toBe(true);
  });
});
