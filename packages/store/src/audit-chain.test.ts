import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditChainHead,
  computeAuditHash,
  createAuditEvent,
  EMPTY_CHAIN_HEAD,
  GENESIS_HASH,
  verifyAuditChain,
} from './audit-chain.js';
import type { AuditEvent } from './contract.js';
import { InvalidArgumentError } from './errors.js';

function chain(length: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let head: AuditChainHead = EMPTY_CHAIN_HEAD;
  for (let n = 0; n < length; n++) {
    const event = createAuditEvent(
      { orgId: 'org1', action: 'tool.call', outcome: 'success', actor: 'u1', details: { n } },
      head,
      1_000 + n,
    );
    events.push(event);
    head = { seq: event.seq, hash: event.hash };
  }
  return events;
}

describe('createAuditEvent', () => {
  it('hashes prevHash, a newline and the canonical JSON of every other field', () => {
    const event = createAuditEvent(
      { orgId: 'o', action: 'a', outcome: 'denied', actor: null, details: { b: 1, a: [2] } },
      EMPTY_CHAIN_HEAD,
      42,
    );
    const canonical =
      '{"action":"a","actor":null,"at":42,"clientId":null,"details":{"a":[2],"b":1},' +
      `"ip":null,"orgId":"o","outcome":"denied","prevHash":"${GENESIS_HASH}","seq":1}`;
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${canonical}`).digest('hex');
    expect(event.hash).toBe(expected);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('follows the head it is given', () => {
    const event = createAuditEvent(
      { orgId: 'o', action: 'a', outcome: 'success', actor: 'u', at: 7 },
      { seq: 9, hash: 'f'.repeat(64) },
      100,
    );
    expect(event).toMatchObject({ seq: 10, prevHash: 'f'.repeat(64), at: 7 });
    const { hash, ...content } = event;
    expect(computeAuditHash(content)).toBe(hash);
  });

  it.each([
    ['an unknown outcome', { outcome: 'maybe' }],
    ['an empty action', { action: '' }],
    ['a missing actor', { actor: undefined }],
    ['details that are not an object', { details: ['x'] }],
  ])('refuses %s', (_, change) => {
    const input = { orgId: 'o', action: 'a', outcome: 'success', actor: null, ...change } as never;
    expect(() => createAuditEvent(input, EMPTY_CHAIN_HEAD, 1)).toThrow(InvalidArgumentError);
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain and an empty one', async () => {
    expect(await verifyAuditChain(chain(5))).toEqual({ ok: true, count: 5 });
    expect(await verifyAuditChain([])).toEqual({ ok: true, count: 0 });
  });

  it.each<[string, (events: AuditEvent[]) => AuditEvent[], { seq: number; reason: string }]>([
    [
      'a changed field',
      (e) => e.map((x) => (x.seq === 3 ? { ...x, actor: 'mallory' } : x)),
      { seq: 3, reason: 'hash_mismatch' },
    ],
    [
      'a changed detail',
      (e) => e.map((x) => (x.seq === 2 ? { ...x, details: { n: 9 } } : x)),
      { seq: 2, reason: 'hash_mismatch' },
    ],
    [
      'a rewritten event with a recomputed hash',
      (e) =>
        e.map((x) => {
          if (x.seq !== 2) return x;
          const { hash: _, ...content } = { ...x, details: { forged: true } };
          return { ...content, hash: computeAuditHash(content) };
        }),
      { seq: 3, reason: 'prev_hash_mismatch' },
    ],
    ['a deleted event', (e) => e.filter((x) => x.seq !== 4), { seq: 4, reason: 'sequence_gap' }],
    [
      'swapped events',
      (e) => [e[0], e[2], e[1], e[3], e[4]] as AuditEvent[],
      { seq: 2, reason: 'sequence_gap' },
    ],
    ['a chain not starting at 1', (e) => e.slice(1), { seq: 1, reason: 'sequence_gap' }],
  ])('reports the first broken link for %s', async (_, tamper, expected) => {
    expect(await verifyAuditChain(tamper(chain(5)))).toEqual({ ok: false, ...expected });
  });

  it('reads an async iterable', async () => {
    async function* events() {
      yield* chain(3);
    }
    expect(await verifyAuditChain(events())).toEqual({ ok: true, count: 3 });
  });
});
