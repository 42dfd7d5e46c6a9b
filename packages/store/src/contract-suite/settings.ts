import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, VersionConflictError } from '../errors.js';
import type { ContractContext } from './context.js';

export function describeSettingsContract(ctx: ContractContext): void {
  describe('settings', () => {
    it('writes version 1, then 2, with who and when', async () => {
      expect(await ctx.store.settings.get('org1')).toBeNull();
      const before = Date.now();
      const first = await ctx.store.settings.put(
        'org1',
        { apiTokens: false },
        { expectedVersion: 0, actor: null },
      );
      expect(first).toEqual({
        orgId: 'org1',
        version: 1,
        value: { apiTokens: false },
        updatedAt: expect.any(Number),
        updatedBy: null,
      });
      expect(first.updatedAt).toBeGreaterThanOrEqual(before);
      const second = await ctx.store.settings.put(
        'org1',
        { apiTokens: true, groups: ['jira:read'] },
        { expectedVersion: 1, actor: 'u1' },
      );
      expect(second).toMatchObject({ version: 2, updatedBy: 'u1' });
      expect(await ctx.store.settings.get('org1')).toEqual(second);
      expect(await ctx.store.settings.get('org2')).toBeNull();
    });

    it.each([
      ['a stale version', 1],
      ['"nothing stored" when something is', 0],
      ['a version from the future', 7],
    ])('refuses %s with the current version', async (_, expectedVersion) => {
      await ctx.store.settings.put('org1', { a: 1 }, { expectedVersion: 0, actor: null });
      await ctx.store.settings.put('org1', { a: 2 }, { expectedVersion: 1, actor: null });
      const attempt = ctx.store.settings.put('org1', { a: 3 }, { expectedVersion, actor: 'u1' });
      await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
      await expect(attempt).rejects.toMatchObject({ expectedVersion, currentVersion: 2 });
      expect(await ctx.store.settings.get('org1')).toMatchObject({ version: 2, value: { a: 2 } });
    });

    it('lets exactly one of two concurrent writers of the same version win', async () => {
      const other = await ctx.openAnother();
      await ctx.store.settings.put('org1', { n: 0 }, { expectedVersion: 0, actor: null });
      const results = await Promise.allSettled(
        [ctx.store, other, ctx.store, other].map((store, n) =>
          store.settings.put('org1', { n: n + 1 }, { expectedVersion: 1, actor: `u${n}` }),
        ),
      );
      const won = results.filter((result) => result.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected')
          expect(result.reason).toBeInstanceOf(VersionConflictError);
      }
      expect(await ctx.store.settings.get('org1')).toMatchObject({ version: 2 });
    });

    it('keeps a copy of the value and refuses a value that is not an object', async () => {
      const value = { list: [1, 2] };
      await ctx.store.settings.put('org1', value, { expectedVersion: 0, actor: null });
      value.list.push(3);
      expect((await ctx.store.settings.get('org1'))?.value).toEqual({ list: [1, 2] });
      await expect(
        ctx.store.settings.put('org1', [1] as never, { expectedVersion: 1, actor: null }),
      ).rejects.toBeInstanceOf(InvalidArgumentError);
    });
  });
}
