import { describe, expect, it } from 'vitest';
import { decodeAuditRecord, parseStoredJson, requireReadable } from './audit-decode.js';
import { UnreadableDataError } from './errors.js';

const stored = {
  seq: 3,
  prevHash: 'a'.repeat(64),
  orgId: 'org1',
  action: 'auth.sign_in',
  outcome: 'success',
  actor: null,
  clientId: null,
  ip: '10.0.0.1',
  details: { n: 1 },
  at: 1_000,
  hashAlg: 'hmac-sha256',
  hash: 'b'.repeat(64),
};

describe('decodeAuditRecord', () => {
  it('decodes a keyed event as stored', () => {
    expect(decodeAuditRecord(3, stored)).toEqual(stored);
  });

  it('reads an event stored without hashAlg (before keying) as sha256', () => {
    const { hashAlg: _, ...legacy } = stored;
    expect(decodeAuditRecord(3, legacy)).toEqual({ ...legacy, hashAlg: 'sha256' });
  });

  it.each<[string, unknown, RegExp]>([
    ['a missing field', { ...stored, action: undefined }, /^action: /],
    ['a field of the wrong type', { ...stored, at: 'yesterday' }, /^at: /],
    ['details that are not an object', { ...stored, details: [1] }, /^details: /],
    ['an unknown outcome', { ...stored, outcome: 'maybe' }, /^outcome: /],
    ['an unknown hash algorithm', { ...stored, hashAlg: 'md5' }, /^hashAlg: /],
    ['a field the store never writes', { ...stored, note: 'x' }, /note/],
    ['something that is not an object', 'text', /^event: /],
    ['another seq than its place', { ...stored, seq: 4 }, /stored as event 3 but says .* 4/],
  ])('reports %s as unreadable at its seq', (_, value, reason) => {
    const record = decodeAuditRecord(3, value);
    expect(record).toEqual({ seq: 3, unreadable: expect.stringMatching(reason) });
  });
});

describe('parseStoredJson', () => {
  it.each<[unknown, unknown]>([
    ['{"a":1}', { a: 1 }],
    ['{not json', undefined],
    [42, undefined],
    [null, undefined],
  ])('parses %j to %j', (text, expected) => {
    expect(parseStoredJson(text)).toEqual(expected);
  });
});

describe('requireReadable', () => {
  it('passes an event through and names an unreadable one', () => {
    const event = decodeAuditRecord(3, stored);
    expect(requireReadable(event)).toBe(event);
    const broken = { seq: 7, unreadable: 'not JSON' };
    expect(() => requireReadable(broken)).toThrow(UnreadableDataError);
    expect(() => requireReadable(broken)).toThrow('audit event 7 is unreadable: not JSON');
  });
});
