import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import type { ContractContext } from './context.js';
import { sleep } from './helpers.js';

export function describeLimitsContract(ctx: ContractContext): void {
  describe('rate limits', () => {
    it('counts hits in a window and says when it ends', async () => {
      const before = Date.now();
      const first = await ctx.store.limits.hit('login-ip:203.0.113.7', 60);
      expect(first.count).toBe(1);
      expect(first.resetAt).toBeGreaterThanOrEqual(before + 59_000);
      expect(first.resetAt).toBeLessThanOrEqual(Date.now() + 60_000);
      const second = await ctx.store.limits.hit('login-ip:203.0.113.7', 60);
      expect(second.count).toBe(2);
      expect(Math.abs(second.resetAt - first.resetAt)).toBeLessThan(1_000);
      expect((await ctx.store.limits.hit('login-ip:198.51.100.1', 60)).count).toBe(1);
    });

    it('starts a new window once the old one has passed', async () => {
      await ctx.store.limits.hit('short', 1);
      await ctx.store.limits.hit('short', 1);
      await sleep(1_100);
      expect((await ctx.store.limits.hit('short', 1)).count).toBe(1);
    });

    it('peeks without counting', async () => {
      expect(await ctx.store.limits.peek('peeked')).toBeNull();
      const hit = await ctx.store.limits.hit('peeked', 60);
      expect(await ctx.store.limits.peek('peeked')).toEqual({
        count: 1,
        resetAt: expect.any(Number),
      });
      expect(
        Math.abs(((await ctx.store.limits.peek('peeked'))?.resetAt ?? 0) - hit.resetAt),
      ).toBeLessThan(1_000);
      expect((await ctx.store.limits.hit('peeked', 60)).count).toBe(2);
    });

    it('forgets a key on reset', async () => {
      await ctx.store.limits.hit('account:alice', 60);
      await ctx.store.limits.reset('account:alice');
      expect((await ctx.store.limits.hit('account:alice', 60)).count).toBe(1);
    });

    it('counts every hit once across stores hitting at the same time', async () => {
      const other = await ctx.openAnother();
      const hits = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          (n % 2 === 0 ? ctx.store : other).limits.hit('shared', 60),
        ),
      );
      expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, n) => n + 1),
      );
    });

    it('refuses a window that is not a positive whole number of seconds', async () => {
      await expect(ctx.store.limits.hit('k', 0)).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(ctx.store.limits.hit('k', 1.5)).rejects.toBeInstanceOf(InvalidArgumentError);
    });
  });
}
