import { createHash, createHmac, createSecretKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  computeAuditHash,
  createAuditEvent,
  EMPTY_CHAIN_HEAD,
  GENESIS_HASH,
} from './audit-chain.js';
import { InvalidArgumentError } from './errors.js';

const keyBytes = Buffer.alloc(32, 7);
const key = createSecretKey(keyBytes);

describe('createAuditEvent', () => {
  it('keys the hash: HMAC-SHA256 of prevHash, a newline and the canonical JSON of the rest', () => {
    const event = createAuditEvent(
      { orgId: 'o', action: 'a', outcome: 'denied', actor: null, details: { b: 1, a: [2] } },
      EMPTY_CHAIN_HEAD,
      42,
      key,
    );
    const canonical =
      '{"action":"a","actor":null,"at":42,"clientId":null,"details":{"a":[2],"b":1},' +
      `"hashAlg":"hmac-sha256","ip":null,"orgId":"o","outcome":"denied","prevHash":"${GENESIS_HASH}","seq":1}`;
    const expected = createHmac('sha256', keyBytes)
      .update(`${GENESIS_HASH}\n${canonical}`)
      .digest('hex');
    expect(event).toMatchObject({ hashAlg: 'hmac-sha256', hash: expected });
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('follows the head it is given', () => {
    const event = createAuditEvent(
      { orgId: 'o', action: 'a', outcome: 'success', actor: 'u', at: 7 },
      { seq: 9, hash: 'f'.repeat(64) },
      100,
      key,
    );
    expect(event).toMatchObject({ seq: 10, prevHash: 'f'.repeat(64), at: 7 });
    const { hash, ...content } = event;
    expect(computeAuditHash(content, key)).toBe(hash);
  });

  it.each([
    ['an unknown outcome', { outcome: 'maybe' }],
    ['an empty action', { action: '' }],
    ['a missing actor', { actor: undefined }],
    ['details that are not an object', { details: ['x'] }],
  ])('refuses %s', (_, change) => {
    const input = { orgId: 'o', action: 'a', outcome: 'success', actor: null, ...change } as never;
    expect(() => createAuditEvent(input, EMPTY_CHAIN_HEAD, 1, key)).toThrow(InvalidArgumentError);
  });
});

describe('computeAuditHash', () => {
  const content = {
    seq: 1,
    prevHash: GENESIS_HASH,
    orgId: 'o',
    action: 'a',
    outcome: 'success' as const,
    actor: 'u',
    clientId: null,
    ip: null,
    details: {},
    at: 5,
  };

  it('hashes an unkeyed event exactly as before keying: SHA-256, without a hashAlg field', () => {
    const canonical =
      '{"action":"a","actor":"u","at":5,"clientId":null,"details":{},"ip":null,' +
      `"orgId":"o","outcome":"success","prevHash":"${GENESIS_HASH}","seq":1}`;
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${canonical}`).digest('hex');
    expect(computeAuditHash({ ...content, hashAlg: 'sha256' })).toBe(expected);
    expect(computeAuditHash({ ...content, hashAlg: 'sha256' }, key)).toBe(expected);
  });

  it('gives another hash under another key, and needs a key for a keyed event', () => {
    const keyed = { ...content, hashAlg: 'hmac-sha256' as const };
    const other = createSecretKey(Buffer.alloc(32, 8));
    expect(computeAuditHash(keyed, key)).not.toBe(computeAuditHash(keyed, other));
    expect(() => computeAuditHash(keyed)).toThrow(/event 1 is keyed/);
  });
});
