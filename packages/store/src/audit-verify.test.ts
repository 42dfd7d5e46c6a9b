import { createSecretKey, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditChainHead,
  computeAuditHash,
  createAuditEvent,
  EMPTY_CHAIN_HEAD,
} from './audit-chain.js';
import type { AuditRecord } from './audit-decode.js';
import { verifyAuditChain, verifyAuditRecords } from './audit-verify.js';
import type { AuditEvent, AuditVerifyOptions } from './contract.js';
import { InvalidArgumentError } from './errors.js';

const KEY_TEXT = Buffer.alloc(32, 7).toString('base64url');
const key = createSecretKey(Buffer.alloc(32, 7));
const otherKey = createSecretKey(Buffer.alloc(32, 9));

/** A chain whose first `unkeyed` events predate keying (plain SHA-256), the rest keyed. */
function chain(length: number, unkeyed = 0, withKey: KeyObject = key): AuditEvent[] {
  const events: AuditEvent[] = [];
  let head: AuditChainHead = EMPTY_CHAIN_HEAD;
  for (let n = 0; n < length; n++) {
    const input = { orgId: 'org1', action: 'tool.call', outcome: 'success', actor: 'u1' } as const;
    const keyed = createAuditEvent({ ...input, details: { n } }, head, 1_000 + n, withKey);
    const event = n < unkeyed ? relabel(keyed, 'sha256', withKey) : keyed;
    events.push(event);
    head = { seq: event.seq, hash: event.hash };
  }
  return events;
}

/** The event with another `hashAlg` and a hash recomputed for it (as a forger would). */
function relabel(event: AuditEvent, hashAlg: AuditEvent['hashAlg'], withKey: KeyObject) {
  const { hash: _, ...content } = { ...event, hashAlg };
  return { ...content, hash: computeAuditHash(content, withKey) };
}

/** Rewrites event `seq` and recomputes its hash and every later link, as a forger would. */
function rewriteFrom(events: AuditEvent[], seq: number, hashAlg: AuditEvent['hashAlg']) {
  let prevHash = '';
  return events.map((event) => {
    if (event.seq < seq) return event;
    const changed = event.seq === seq ? { ...event, actor: 'mallory' } : event;
    const forged = relabel({ ...changed, prevHash: prevHash || event.prevHash }, hashAlg, otherKey);
    prevHash = forged.hash;
    return forged;
  });
}

const ok = (events: AuditEvent[], unkeyedCount = 0) => {
  const last = events[events.length - 1];
  const head = last === undefined ? EMPTY_CHAIN_HEAD : { seq: last.seq, hash: last.hash };
  return { ok: true, count: head.seq, head, unkeyedCount };
};

describe('verifyAuditRecords', () => {
  it.each([
    ['a keyed chain', chain(5), 0],
    ['an empty chain', [], 0],
    ['a chain keyed after three unkeyed events', chain(5, 3), 3],
    ['a chain written entirely before keying', chain(4, 4), 4],
  ])('accepts %s and reports its head', async (_, events, unkeyed) => {
    expect(await verifyAuditRecords(events, key)).toEqual(ok(events, unkeyed));
  });

  it.each<[string, () => AuditRecord[], { seq: number; reason: string; detail?: string }]>([
    [
      'a changed field',
      () => chain(5).map((x) => (x.seq === 3 ? { ...x, actor: 'mallory' } : x)),
      { seq: 3, reason: 'hash_mismatch' },
    ],
    [
      'a changed field of an unkeyed event',
      () => chain(5, 3).map((x) => (x.seq === 2 ? { ...x, details: { n: 9 } } : x)),
      { seq: 2, reason: 'hash_mismatch' },
    ],
    [
      'a keyed event rewritten with a hash recomputed under another key',
      () => rewriteFrom(chain(5), 2, 'hmac-sha256'),
      { seq: 2, reason: 'hash_mismatch' },
    ],
    [
      'keyed events relabelled unkeyed to recompute their hashes without the key',
      () => rewriteFrom(chain(5), 3, 'sha256'),
      { seq: 3, reason: 'unkeyed' },
    ],
    [
      'an unkeyed event relabelled keyed',
      () => chain(3, 3).map((x) => (x.seq === 2 ? { ...x, hashAlg: 'hmac-sha256' } : x)),
      { seq: 2, reason: 'hash_mismatch' },
    ],
    [
      'an event appended with another key',
      () => {
        const events = chain(2);
        const head = { seq: 2, hash: events[1]?.hash as string };
        const input = { orgId: 'org1', action: 'a', outcome: 'success', actor: null } as const;
        return [...events, createAuditEvent(input, head, 5, otherKey)];
      },
      { seq: 3, reason: 'hash_mismatch' },
    ],
    [
      'a deleted event',
      () => chain(5).filter((x) => x.seq !== 4),
      { seq: 4, reason: 'sequence_gap' },
    ],
    [
      'swapped events',
      () => {
        const [a, b, c] = chain(3) as [AuditEvent, AuditEvent, AuditEvent];
        return [a, c, b];
      },
      { seq: 2, reason: 'sequence_gap' },
    ],
    ['a chain not starting at 1', () => chain(3).slice(1), { seq: 1, reason: 'sequence_gap' }],
    [
      'an unreadable row',
      () => [...chain(2), { seq: 3, unreadable: 'details: not JSON' }, ...chain(4).slice(3)],
      { seq: 3, reason: 'unreadable', detail: 'details: not JSON' },
    ],
  ])('reports the first broken link for %s', async (_, records, expected) => {
    expect(await verifyAuditRecords(records(), key)).toEqual({ ok: false, ...expected });
  });

  it('reports every unkeyed event as a break when keyed events are required', async () => {
    expect(await verifyAuditRecords(chain(3, 1), key, { requireKeyed: true })).toEqual({
      ok: false,
      seq: 1,
      reason: 'unkeyed',
    });
    expect(await verifyAuditRecords(chain(3), key, { requireKeyed: true })).toMatchObject({
      ok: true,
    });
  });

  it('reads an async iterable', async () => {
    async function* events() {
      yield* chain(3);
    }
    expect(await verifyAuditRecords(events(), key)).toMatchObject({ ok: true, count: 3 });
  });
});

describe('verifyAuditRecords with an expected head', () => {
  const events = chain(5);
  const at = (seq: number) => ({ seq, hash: events[seq - 1]?.hash as string });
  const end = (list: AuditEvent[]) => at(list[list.length - 1]?.seq as number);

  it.each([
    ['the head itself', at(5)],
    ['an earlier event (the chain grew since)', at(3)],
    ['the empty chain', EMPTY_CHAIN_HEAD],
  ])('accepts %s', async (_, expectHead) => {
    expect(await verifyAuditRecords(events, key, { expectHead })).toEqual(ok(events));
  });

  it('reports a chain cut before the expected head as truncated', async () => {
    const cut = events.slice(0, 3);
    expect(await verifyAuditRecords(cut, key, { expectHead: at(5) })).toEqual({
      ok: false,
      seq: 5,
      reason: 'truncated',
      expected: at(5),
      end: end(cut),
      foundHash: null,
    });
  });

  it('reports a chain cut and written on again as truncated, with the hash found', async () => {
    const cut = events.slice(0, 3);
    let head = end(cut);
    for (const n of [1, 2, 3]) {
      const input = { orgId: 'org1', action: 'a', outcome: 'success', actor: null } as const;
      const next = createAuditEvent({ ...input, details: { n } }, head, 9, key);
      cut.push(next);
      head = { seq: next.seq, hash: next.hash };
    }
    expect(await verifyAuditRecords(cut, key, { expectHead: at(5) })).toEqual({
      ok: false,
      seq: 5,
      reason: 'truncated',
      expected: at(5),
      end: head,
      foundHash: cut[4]?.hash,
    });
  });

  it('reports a broken link before the expected head as that break', async () => {
    const changed = events.map((x) => (x.seq === 2 ? { ...x, actor: 'mallory' } : x));
    expect(await verifyAuditRecords(changed, key, { expectHead: at(5) })).toEqual({
      ok: false,
      seq: 2,
      reason: 'hash_mismatch',
    });
  });

  it.each<[string, AuditVerifyOptions]>([
    ['a hash that is not hex', { expectHead: { seq: 1, hash: 'xyz' } }],
    ['a negative seq', { expectHead: { seq: -1, hash: '0'.repeat(64) } }],
  ])('refuses %s', async (_, options) => {
    await expect(verifyAuditRecords(events, key, options)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
  });
});

describe('verifyAuditChain', () => {
  it('takes the key as configured text', async () => {
    expect(await verifyAuditChain(chain(3), { key: KEY_TEXT })).toMatchObject({ ok: true });
    expect(await verifyAuditChain(chain(3, 3))).toMatchObject({ ok: true, unkeyedCount: 3 });
  });

  it('refuses to verify a keyed event without a key, or with a malformed one', async () => {
    await expect(verifyAuditChain(chain(2))).rejects.toThrow(/event 1 is keyed/);
    await expect(verifyAuditChain(chain(2), { key: 'short' })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
  });
});
