import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidArgumentError } from '../errors.js';
import { hashTokenValue } from '../token-hash.js';
import type { ContractContext } from './context.js';
import { sampleToken } from './helpers.js';

export function describeApiTokensContract(ctx: ContractContext): void {
  describe('API tokens', () => {
    it('stores a token and finds it by id and by hash', async () => {
      const token = sampleToken({ id: 't1', scopes: null });
      await ctx.store.apiTokens.create(token);
      expect(await ctx.store.apiTokens.findById('t1')).toEqual(token);
      expect(await ctx.store.apiTokens.findByHash(token.hash)).toEqual(token);
      expect(await ctx.store.apiTokens.findById('t2')).toBeNull();
      expect(await ctx.store.apiTokens.findByHash(hashTokenValue('unknown'))).toBeNull();
    });

    it.each([
      ['the same id', { id: 't1', hash: hashTokenValue('other') }],
      ['the same hash', { id: 't2' as string, hash: hashTokenValue('secret-t1') }],
    ])('refuses a second token with %s', async (_, clash) => {
      await ctx.store.apiTokens.create(sampleToken({ id: 't1' }));
      await expect(ctx.store.apiTokens.create(sampleToken(clash))).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await ctx.store.apiTokens.listByUser('u1')).toHaveLength(1);
    });

    it('lists by user and by org, newest first', async () => {
      await ctx.store.apiTokens.create(sampleToken({ id: 'old', createdAt: 1_000 }));
      await ctx.store.apiTokens.create(sampleToken({ id: 'new', createdAt: 3_000 }));
      await ctx.store.apiTokens.create(sampleToken({ id: 'mid', createdAt: 2_000, userId: 'u2' }));
      await ctx.store.apiTokens.create(sampleToken({ id: 'far', orgId: 'org2', userId: 'u9' }));
      const ids = (records: Array<{ id: string }>) => records.map((record) => record.id);
      expect(ids(await ctx.store.apiTokens.listByUser('u1'))).toEqual(['new', 'old']);
      expect(ids(await ctx.store.apiTokens.listByOrg('org1'))).toEqual(['new', 'mid', 'old']);
      expect(await ctx.store.apiTokens.listByUser('nobody')).toEqual([]);
    });

    it('revokes once', async () => {
      await ctx.store.apiTokens.create(sampleToken({ id: 't1' }));
      expect(await ctx.store.apiTokens.revoke('t1', 5_000)).toBe(true);
      expect(await ctx.store.apiTokens.revoke('t1', 6_000)).toBe(false);
      expect(await ctx.store.apiTokens.revoke('unknown', 6_000)).toBe(false);
      expect(await ctx.store.apiTokens.findById('t1')).toMatchObject({ revokedAt: 5_000 });
      expect(await ctx.store.apiTokens.findById('unknown')).toBeNull();
    });

    it('records the latest use, never creating a token, never rejecting', async () => {
      await ctx.store.apiTokens.create(sampleToken({ id: 't1' }));
      await ctx.store.apiTokens.touch('t1', 2_000);
      await ctx.store.apiTokens.touch('t1', 1_000);
      expect(await ctx.store.apiTokens.findById('t1')).toMatchObject({ lastUsedAt: 2_000 });
      await ctx.store.apiTokens.touch('unknown', 2_000);
      expect(await ctx.store.apiTokens.findById('unknown')).toBeNull();
      await expect(ctx.store.apiTokens.touch('t1', Number.NaN)).resolves.toBeUndefined();
    });

    it('keeps lastUsedAt and revokedAt given at creation', async () => {
      const token = sampleToken({ id: 't1', lastUsedAt: 10, revokedAt: 20, scopes: [] });
      await ctx.store.apiTokens.create(token);
      expect(await ctx.store.apiTokens.findById('t1')).toEqual(token);
    });

    it('refuses a token whose hash is not a hex SHA-256', async () => {
      await expect(
        ctx.store.apiTokens.create(sampleToken({ hash: 'the-token-itself' })),
      ).rejects.toBeInstanceOf(InvalidArgumentError);
    });
  });
}
