import { describe, expect, it } from 'vitest';
import {
  AUDIT_PAGE_SIZE_DEFAULT,
  decodeAuditCursor,
  encodeAuditCursor,
  matchesAuditQuery,
  planAuditQuery,
  toAuditPage,
} from './audit-query.js';
import type { AuditEvent } from './contract.js';
import { InvalidArgumentError } from './errors.js';

const event = (seq: number, overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  seq,
  orgId: 'org1',
  action: 'auth.sign_in',
  outcome: 'success',
  actor: 'u1',
  clientId: null,
  ip: null,
  details: {},
  at: seq * 1_000,
  prevHash: '0'.repeat(64),
  hashAlg: 'hmac-sha256',
  hash: 'f'.repeat(64),
  ...overrides,
});

describe('audit cursors', () => {
  it.each([1, 42, 2 ** 40])('round-trips seq %i as an opaque base64url string', (seq) => {
    const cursor = encodeAuditCursor(seq);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeAuditCursor(cursor)).toBe(seq);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('{"before":0}').toString('base64url'),
    Buffer.from('[]').toString('base64url'),
  ])('refuses %j', (cursor) => {
    expect(() => decodeAuditCursor(cursor)).toThrow(InvalidArgumentError);
  });
});

describe('planAuditQuery', () => {
  it('fills in the default page size and decodes the cursor', () => {
    expect(planAuditQuery({ orgId: 'o' })).toEqual({
      orgId: 'o',
      limit: AUDIT_PAGE_SIZE_DEFAULT,
      beforeSeq: null,
    });
    expect(planAuditQuery({ orgId: 'o', limit: 5, cursor: encodeAuditCursor(9) })).toMatchObject({
      limit: 5,
      beforeSeq: 9,
    });
  });

  it.each([
    ['limit 0', { limit: 0 }],
    ['limit 501', { limit: 501 }],
    ['a fractional limit', { limit: 2.5 }],
    ['an empty org', { orgId: '' }],
  ])('refuses %s', (_, change) => {
    expect(() => planAuditQuery({ orgId: 'o', ...change })).toThrow(InvalidArgumentError);
  });
});

describe('matchesAuditQuery', () => {
  const plan = (extra: object) => planAuditQuery({ orgId: 'org1', ...extra });
  it.each<[string, object, Partial<AuditEvent>, boolean]>([
    ['another org', {}, { orgId: 'org2' }, false],
    ['the actor', { actor: 'u1' }, {}, true],
    ['another actor', { actor: 'u2' }, {}, false],
    ['a null actor against an actor filter', { actor: 'u1' }, { actor: null }, false],
    ['the action', { action: 'auth.sign_in' }, {}, true],
    ['another outcome', { outcome: 'denied' }, {}, false],
    ['at the inclusive lower bound', { from: 5_000 }, { at: 5_000 }, true],
    ['at the exclusive upper bound', { to: 5_000 }, { at: 5_000 }, false],
  ])('%s', (_, query, change, expected) => {
    expect(matchesAuditQuery(event(5, change), plan(query))).toBe(expected);
  });
});

describe('toAuditPage', () => {
  it('returns everything without a cursor when no more match', () => {
    expect(toAuditPage([event(3), event(2)], 2)).toEqual({ events: [event(3), event(2)] });
  });

  it('drops the look-ahead event and points the cursor below the last one shown', () => {
    const page = toAuditPage([event(9), event(7), event(4)], 2);
    expect(page.events.map((e) => e.seq)).toEqual([9, 7]);
    expect(decodeAuditCursor(page.nextCursor as string)).toBe(7);
  });
});
