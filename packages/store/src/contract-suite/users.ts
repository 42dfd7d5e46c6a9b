import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidArgumentError } from '../errors.js';
import type { ContractContext } from './context.js';
import { sampleUser } from './helpers.js';

export function describeUsersContract(ctx: ContractContext): void {
  describe('users', () => {
    it('stores a user with a normalised email and finds it by id and by any case of email', async () => {
      await ctx.store.users.put(sampleUser({ id: 'u1', email: '  Alice@Example.COM ' }));
      const expected = sampleUser({ id: 'u1', email: 'alice@example.com' });
      expect(await ctx.store.users.findById('u1')).toEqual(expected);
      expect(await ctx.store.users.findByEmail('ALICE@example.com')).toEqual(expected);
      expect(await ctx.store.users.findByEmail(' alice@example.com')).toEqual(expected);
      expect(await ctx.store.users.findById('nobody')).toBeNull();
      expect(await ctx.store.users.findByEmail('nobody@example.com')).toBeNull();
    });

    it('replaces by id, moving the email and org', async () => {
      await ctx.store.users.put(sampleUser({ id: 'u1', email: 'old@example.com' }));
      await ctx.store.users.put(
        sampleUser({ id: 'u1', email: 'new@example.com', orgId: 'org2', disabled: true }),
      );
      expect(await ctx.store.users.findByEmail('old@example.com')).toBeNull();
      expect(await ctx.store.users.findByEmail('new@example.com')).toMatchObject({
        id: 'u1',
        orgId: 'org2',
        disabled: true,
      });
      expect(await ctx.store.users.listByOrg('org1')).toEqual([]);
      expect((await ctx.store.users.listByOrg('org2')).map((user) => user.id)).toEqual(['u1']);
      // The freed email can go to someone else.
      await ctx.store.users.put(sampleUser({ id: 'u2', email: 'old@example.com' }));
      expect(await ctx.store.users.findByEmail('old@example.com')).toMatchObject({ id: 'u2' });
    });

    it('refuses an email another user owns, changing nothing', async () => {
      await ctx.store.users.put(sampleUser({ id: 'u1', email: 'alice@example.com' }));
      await ctx.store.users.put(sampleUser({ id: 'u2', email: 'bob@example.com' }));
      await expect(
        ctx.store.users.put(sampleUser({ id: 'u2', email: 'ALICE@example.com' })),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        ctx.store.users.put(sampleUser({ id: 'u3', email: 'alice@example.com' })),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await ctx.store.users.findByEmail('alice@example.com')).toMatchObject({ id: 'u1' });
      expect(await ctx.store.users.findById('u2')).toMatchObject({ email: 'bob@example.com' });
      expect(await ctx.store.users.findById('u3')).toBeNull();
    });

    it('lists an org by email', async () => {
      await ctx.store.users.put(sampleUser({ id: 'c', email: 'carol@example.com' }));
      await ctx.store.users.put(sampleUser({ id: 'a', email: 'alice@example.com', role: 'admin' }));
      await ctx.store.users.put(sampleUser({ id: 'b', email: 'bob@example.com' }));
      await ctx.store.users.put(sampleUser({ id: 'x', email: 'x@example.com', orgId: 'org2' }));
      const listed = await ctx.store.users.listByOrg('org1');
      expect(listed.map((user) => user.email)).toEqual([
        'alice@example.com',
        'bob@example.com',
        'carol@example.com',
      ]);
      expect(listed[0]?.role).toBe('admin');
      expect(await ctx.store.users.listByOrg('empty')).toEqual([]);
    });

    it.each([
      ['an unknown role', { role: 'root' }],
      ['an empty id', { id: '' }],
      ['a fractional createdAt', { createdAt: 1.5 }],
    ])('rejects a user with %s', async (_, change) => {
      const user = { ...sampleUser(), ...change } as never;
      await expect(ctx.store.users.put(user)).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(await ctx.store.users.findByEmail(sampleUser().email)).toBeNull();
    });
  });
}
