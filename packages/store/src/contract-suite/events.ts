import { describe, expect, it } from 'vitest';
import type { StoreEvent } from '../contract.js';
import { InvalidArgumentError } from '../errors.js';
import { startStoreChild } from './child-process.js';
import type { ContractContext } from './context.js';
import { untilSubscribed, waitUntil } from './helpers.js';

/** The contract's delivery bound between processes. */
const DELIVERY_BOUND_MS = 1_000;

const revoked: StoreEvent = { type: 'grant.revoked', grantId: 'g1' };

export function describeEventsContract(ctx: ContractContext): void {
  describe('events', () => {
    it('delivers to subscribers of this store and of another store on the same storage', async () => {
      const other = await ctx.openAnother();
      const here: StoreEvent[] = [];
      const there: StoreEvent[] = [];
      ctx.store.events.subscribe((event) => here.push(event));
      other.events.subscribe((event) => there.push(event));
      await Promise.all([untilSubscribed(ctx.store), untilSubscribed(other)]);
      const only = (events: StoreEvent[]) =>
        events.filter((event) => event.type !== 'settings.changed');

      await ctx.store.events.publish(revoked);
      await other.events.publish({ type: 'api_token.revoked', tokenId: 't1', tokenHash: 'h' });
      const arrived = () => only(here).length === 2 && only(there).length === 2;
      expect(await waitUntil(arrived, DELIVERY_BOUND_MS)).toBe(true);
      expect(only(there)).toContainEqual(revoked);
      expect(only(here)).toContainEqual({
        type: 'api_token.revoked',
        tokenId: 't1',
        tokenHash: 'h',
      });
    });

    it('stops delivering after unsubscribe, and one throwing listener does not stop the rest', async () => {
      const received: StoreEvent[] = [];
      const unsubscribe = ctx.store.events.subscribe(() => received.push(revoked));
      ctx.store.events.subscribe(() => {
        throw new Error('listener bug');
      });
      const kept: StoreEvent[] = [];
      ctx.store.events.subscribe((event) => kept.push(event));
      await untilSubscribed(ctx.store);
      unsubscribe();
      unsubscribe();
      received.length = 0;
      await ctx.store.events.publish({ type: 'token.revoked', tokenHash: 'abc' });
      expect(
        await waitUntil(() => kept.some((e) => e.type === 'token.revoked'), DELIVERY_BOUND_MS),
      ).toBe(true);
      expect(received).toEqual([]);
      expect(ctx.harness.warnings).toContain('store event listener threw');
    });

    it('refuses an event that is not in the contract', async () => {
      const bad = { type: 'grant.revoked' } as unknown as StoreEvent;
      await expect(ctx.store.events.publish(bad)).rejects.toBeInstanceOf(InvalidArgumentError);
    });

    it('delivers from another OS process within one second', async () => {
      const received: Array<{ event: StoreEvent; at: number }> = [];
      ctx.store.events.subscribe((event) => received.push({ event, at: Date.now() }));
      await untilSubscribed(ctx.store);
      const child = startStoreChild(ctx.harness.childConfig, ['publish', JSON.stringify(revoked)]);
      const publishedAt = Number((await child.line('published')).split(' ')[1]);
      expect(await child.exited).toBe(0);
      expect(
        await waitUntil(() => received.some((r) => r.event.type === revoked.type), 2_000),
      ).toBe(true);
      const arrival = received.find((r) => r.event.type === revoked.type);
      expect(arrival?.event).toEqual(revoked);
      expect((arrival?.at ?? Number.POSITIVE_INFINITY) - publishedAt).toBeLessThan(
        DELIVERY_BOUND_MS,
      );
    });

    it('delivers to another OS process within one second', async () => {
      const child = startStoreChild(ctx.harness.childConfig, ['subscribe']);
      try {
        await child.line('ready');
        const publishedAt = Date.now();
        await ctx.store.events.publish(revoked);
        const [, at, json] = (await child.line('event ')).split(' ');
        expect(JSON.parse(json as string)).toEqual(revoked);
        expect(Number(at) - publishedAt).toBeLessThan(DELIVERY_BOUND_MS);
        expect(await child.exited).toBe(0);
      } finally {
        child.kill();
      }
    });
  });
}
