import { describe, expect, it } from 'vitest';
import type { ContractContext } from './context.js';
import { sleep } from './helpers.js';

/** Seconds of lifetime for the expiry tests; short so the suite waits little. */
const SHORT_TTL_S = 1;

export function describeOidcContract(ctx: ContractContext): void {
  describe('oidc adapter', () => {
    it('stores, finds and replaces an entry, handing out copies', async () => {
      const tokens = ctx.store.oidc.forModel('AccessToken');
      await tokens.upsert('a1', { grantId: 'g1', scope: 'read:me', nested: { n: 1 } }, 60);
      const found = await tokens.find('a1');
      expect(found).toEqual({ grantId: 'g1', scope: 'read:me', nested: { n: 1 } });
      (found as { nested: { n: number } }).nested.n = 2;
      expect(await tokens.find('a1')).toMatchObject({ nested: { n: 1 } });

      await tokens.upsert('a1', { grantId: 'g1', scope: 'other' }, 60);
      expect(await tokens.find('a1')).toEqual({ grantId: 'g1', scope: 'other' });
      expect(await tokens.find('missing')).toBeUndefined();
      expect(await ctx.store.oidc.forModel('RefreshToken').find('a1')).toBeUndefined();
    });

    it('finds by user code and by uid within the model only', async () => {
      const devices = ctx.store.oidc.forModel('DeviceCode');
      const sessions = ctx.store.oidc.forModel('Session');
      await devices.upsert('d1', { userCode: 'ABCD-EFGH', grantId: 'g1' }, 60);
      await sessions.upsert('s1', { uid: 'uid-1', accountId: 'u1' }, 60);

      expect(await devices.findByUserCode('ABCD-EFGH')).toMatchObject({ userCode: 'ABCD-EFGH' });
      expect(await sessions.findByUid('uid-1')).toMatchObject({ accountId: 'u1' });
      expect(await devices.findByUserCode('NOPE')).toBeUndefined();
      expect(await sessions.findByUid('nope')).toBeUndefined();
      expect(await sessions.findByUserCode('ABCD-EFGH')).toBeUndefined();
      expect(await devices.findByUid('uid-1')).toBeUndefined();

      // A replaced payload no longer answers to its old uid.
      await sessions.upsert('s1', { uid: 'uid-2', accountId: 'u1' }, 60);
      expect(await sessions.findByUid('uid-1')).toBeUndefined();
      expect(await sessions.findByUid('uid-2')).toMatchObject({ uid: 'uid-2' });
    });

    it('consumes atomically, in epoch seconds, and an upsert does not un-consume', async () => {
      const codes = ctx.store.oidc.forModel('AuthorizationCode');
      await codes.upsert('c1', { grantId: 'g1' }, 60);
      const before = Math.floor(Date.now() / 1000);
      expect(await codes.consume('c1')).toBe(true);
      const consumed = (await codes.find('c1'))?.consumed as number;
      expect(consumed).toBeGreaterThanOrEqual(before);
      expect(consumed).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));

      await codes.upsert('c1', { grantId: 'g1', stale: true }, 60);
      expect(await codes.find('c1')).toMatchObject({ stale: true, consumed });

      expect(await codes.consume('never-stored')).toBe(false);
      expect(await codes.find('never-stored')).toBeUndefined();
    });

    it('lets exactly one of many concurrent consumers win, across stores', async () => {
      const other = await ctx.openAnother();
      await ctx.store.oidc.forModel('RefreshToken').upsert('rt1', { grantId: 'g1' }, 60);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          (n % 2 === 0 ? ctx.store : other).oidc.forModel('RefreshToken').consume('rt1'),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const first = (await ctx.store.oidc.forModel('RefreshToken').find('rt1'))?.consumed;
      expect(await ctx.store.oidc.forModel('RefreshToken').consume('rt1')).toBe(false);
      expect((await ctx.store.oidc.forModel('RefreshToken').find('rt1'))?.consumed).toBe(first);
    });

    it('destroys one entry', async () => {
      const clients = ctx.store.oidc.forModel('Client');
      await clients.upsert('c1', { client_id: 'c1' });
      await clients.upsert('c2', { client_id: 'c2' });
      await clients.destroy('c1');
      await clients.destroy('never-stored');
      expect(await clients.find('c1')).toBeUndefined();
      expect(await ctx.store.oidc.list('Client')).toEqual([
        { id: 'c2', payload: { client_id: 'c2' } },
      ]);
    });

    it('revokes every artefact of a grant across models and nothing else', async () => {
      const { oidc } = ctx.store;
      await oidc.forModel('AccessToken').upsert('at1', { grantId: 'g1' }, 60);
      await oidc.forModel('RefreshToken').upsert('rt1', { grantId: 'g1' }, 600);
      await oidc.forModel('AuthorizationCode').upsert('ac1', { grantId: 'g1' }, 30);
      await oidc.forModel('AccessToken').upsert('at2', { grantId: 'g2' }, 60);
      await oidc.forModel('Client').upsert('cl1', { client_id: 'cl1' });

      await oidc.forModel('AccessToken').revokeByGrantId('g1');

      expect(await oidc.forModel('AccessToken').find('at1')).toBeUndefined();
      expect(await oidc.forModel('RefreshToken').find('rt1')).toBeUndefined();
      expect(await oidc.forModel('AuthorizationCode').find('ac1')).toBeUndefined();
      expect(await oidc.forModel('AccessToken').find('at2')).toEqual({ grantId: 'g2' });
      expect(await oidc.forModel('Client').find('cl1')).toEqual({ client_id: 'cl1' });
      expect((await oidc.list('AccessToken')).map((entry) => entry.id)).toEqual(['at2']);

      // The grant can be used again afterwards.
      await oidc.forModel('AccessToken').upsert('at3', { grantId: 'g1' }, 60);
      await oidc.forModel('RefreshToken').revokeByGrantId('g1');
      expect(await oidc.forModel('AccessToken').find('at3')).toBeUndefined();
    });

    it('lists the live entries of one model in id order', async () => {
      const clients = ctx.store.oidc.forModel('Client');
      for (const id of ['b', 'c', 'a']) await clients.upsert(id, { client_id: id });
      await ctx.store.oidc.forModel('Session').upsert('s', { uid: 'x' }, 60);
      expect(await ctx.store.oidc.list('Client')).toEqual([
        { id: 'a', payload: { client_id: 'a' } },
        { id: 'b', payload: { client_id: 'b' } },
        { id: 'c', payload: { client_id: 'c' } },
      ]);
      expect(await ctx.store.oidc.list('Nothing')).toEqual([]);
    });

    it('forgets entries and their lookups after expiresIn, consumed or not', async () => {
      const { oidc } = ctx.store;
      await oidc.forModel('Session').upsert('s1', { uid: 'uid-1' }, SHORT_TTL_S);
      await oidc.forModel('DeviceCode').upsert('d1', { userCode: 'UC-1' }, SHORT_TTL_S);
      await oidc.forModel('AuthorizationCode').upsert('c1', { grantId: 'g1' }, SHORT_TTL_S);
      await oidc.forModel('AuthorizationCode').consume('c1');
      await oidc.forModel('AuthorizationCode').upsert('c2', { grantId: 'g1' }, 60);
      await oidc.forModel('Client').upsert('forever', { client_id: 'forever' });
      await oidc.forModel('Session').upsert('gone-now', { uid: 'z' }, 0);
      expect(await oidc.forModel('Session').find('gone-now')).toBeUndefined();
      expect(await oidc.forModel('AuthorizationCode').find('c1')).toBeDefined();

      await sleep(SHORT_TTL_S * 1000 + 200);

      expect(await oidc.forModel('Session').find('s1')).toBeUndefined();
      expect(await oidc.forModel('Session').findByUid('uid-1')).toBeUndefined();
      expect(await oidc.forModel('DeviceCode').findByUserCode('UC-1')).toBeUndefined();
      expect(await oidc.forModel('AuthorizationCode').find('c1')).toBeUndefined();
      expect(await oidc.list('AuthorizationCode')).toEqual([
        { id: 'c2', payload: { grantId: 'g1' } },
      ]);
      expect(await oidc.list('Session')).toEqual([]);
      expect(await oidc.forModel('Client').find('forever')).toEqual({ client_id: 'forever' });
      // A grant outlives its shortest artefact: revoking still reaches the longer-lived one.
      await oidc.forModel('AuthorizationCode').revokeByGrantId('g1');
      expect(await oidc.forModel('AuthorizationCode').find('c2')).toBeUndefined();
    });
  });
}
