import { describe, expect, it } from 'vitest';
import type { ContractContext } from './context.js';
import { sampleToken, sampleUser } from './helpers.js';

export function describeLifecycleContract(ctx: ContractContext): void {
  describe('lifecycle', () => {
    it('answers ping, and closes idempotently', async () => {
      const other = await ctx.openAnother();
      await expect(other.ping()).resolves.toBeUndefined();
      other.events.subscribe(() => undefined);
      await other.close();
      await other.close();
      await expect(other.ping()).rejects.toThrow();
    });

    it('loses nothing across a restart on the same storage', async () => {
      const first = await ctx.openAnother();
      await first.oidc.forModel('Client').upsert('c1', { client_id: 'c1' });
      await first.oidc.forModel('RefreshToken').upsert('r1', { grantId: 'g1' }, 3_600);
      await first.oidc.forModel('RefreshToken').consume('r1');
      await first.users.put(sampleUser({ id: 'u1' }));
      await first.settings.put('org1', { on: true }, { expectedVersion: 0, actor: 'u1' });
      await first.apiTokens.create(sampleToken({ id: 't1' }));
      await first.apiTokens.revoke('t1', 99);
      for (let n = 0; n < 3; n++) {
        await first.audit.append({ orgId: 'org1', action: 'a', outcome: 'success', actor: null });
      }
      const key = await first.keys.getOrCreate('jwks', () => ({ kid: 'k1' }));
      await first.records.put('issue', 'OPS-1', { title: 't' });
      await first.records.nextSequence('OPS');
      await first.close();

      const again = await ctx.openAnother();
      expect(await again.oidc.list('Client')).toEqual([{ id: 'c1', payload: { client_id: 'c1' } }]);
      expect(await again.oidc.forModel('RefreshToken').find('r1')).toMatchObject({
        grantId: 'g1',
        consumed: expect.any(Number),
      });
      expect(await again.users.findByEmail('u1@example.com')).toEqual(sampleUser({ id: 'u1' }));
      expect(await again.settings.get('org1')).toMatchObject({ version: 1, value: { on: true } });
      expect(await again.apiTokens.findById('t1')).toMatchObject({ revokedAt: 99 });
      expect(await again.audit.verify()).toMatchObject({ ok: true, count: 3 });
      expect(
        await again.audit.append({ orgId: 'o', action: 'a', outcome: 'success', actor: null }),
      ).toMatchObject({ seq: 4 });
      expect(await again.keys.getOrCreate('jwks', () => ({ kid: 'k2' }))).toEqual(key);
      expect(await again.records.get('issue', 'OPS-1')).toEqual({ title: 't' });
      expect(await again.records.nextSequence('OPS')).toBe(2);
    });
  });
}
