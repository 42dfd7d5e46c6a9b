import { describe, expect, it, vi } from 'vitest';
import type { StoreEvent } from './contract.js';
import { InvalidArgumentError } from './errors.js';
import { createEventFanout, parseStoreEvent, serializeStoreEvent } from './event-fanout.js';

const quiet = { warn: vi.fn() };

describe('store events on the wire', () => {
  it.each<StoreEvent>([
    { type: 'grant.revoked', grantId: 'g1' },
    { type: 'token.revoked', tokenHash: 'abc' },
    { type: 'api_token.revoked', tokenId: 't1', tokenHash: 'abc' },
    { type: 'settings.changed', orgId: 'org1', version: 3 },
  ])('round-trips $type', (event) => {
    expect(parseStoreEvent(serializeStoreEvent(event))).toEqual(event);
  });

  it.each([
    ['garbage', 'not json'],
    ['an unknown type', '{"type":"user.deleted","userId":"u1"}'],
    ['a missing field', '{"type":"grant.revoked"}'],
    ['a version of 0', '{"type":"settings.changed","orgId":"o","version":0}'],
  ])('reads %s as null', (_, text) => {
    expect(parseStoreEvent(text)).toBeNull();
  });

  it('drops unknown fields and refuses to publish an invalid event', () => {
    const extra = { type: 'grant.revoked', grantId: 'g', secret: 'x' } as StoreEvent;
    expect(JSON.parse(serializeStoreEvent(extra))).toEqual({ type: 'grant.revoked', grantId: 'g' });
    expect(() => serializeStoreEvent({ type: 'nope' } as never)).toThrow(InvalidArgumentError);
  });
});

describe('createEventFanout', () => {
  const event: StoreEvent = { type: 'grant.revoked', grantId: 'g1' };

  it('calls the hooks on the first listener and after the last one leaves', () => {
    const hooks = { onFirstListener: vi.fn(), onLastListenerGone: vi.fn() };
    const fanout = createEventFanout(quiet, hooks);
    const off1 = fanout.subscribe(() => undefined);
    const off2 = fanout.subscribe(() => undefined);
    expect(hooks.onFirstListener).toHaveBeenCalledTimes(1);
    off1();
    off1();
    expect(hooks.onLastListenerGone).not.toHaveBeenCalled();
    off2();
    expect(hooks.onLastListenerGone).toHaveBeenCalledTimes(1);
    expect(fanout.size).toBe(0);
  });

  it('delivers a copy to each subscription, even the same function twice, past a throwing one', () => {
    const fanout = createEventFanout(quiet, { onFirstListener() {}, onLastListenerGone() {} });
    const seen: StoreEvent[] = [];
    const listener = (received: StoreEvent) => {
      seen.push(received);
      (received as { grantId: string }).grantId = 'mutated';
    };
    fanout.subscribe(() => {
      throw new Error('bug');
    });
    fanout.subscribe(listener);
    fanout.subscribe(listener);
    fanout.emit(event);
    expect(seen).toHaveLength(2);
    expect(event.grantId).toBe('g1');
    expect(quiet.warn).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'grant.revoked' }),
      'store event listener threw',
    );
  });
});
