import { describe, expect, it } from 'vitest';
import {
  auditFilterQuery,
  parseAuditFilters,
  parseFilterTime,
  readAuditFilters,
} from './audit-filters.js';

const empty = { actor: '', action: '', outcome: '', from: '', to: '' };

describe('parseFilterTime', () => {
  it.each([
    ['', undefined],
    ['2025-11-26T09:00', Date.UTC(2025, 10, 26, 9, 0)],
    ['2025-11-26T09:00:30Z', Date.UTC(2025, 10, 26, 9, 0, 30)],
    ['2025-11-26T10:00+01:00', Date.UTC(2025, 10, 26, 9, 0)],
    ['2025-11-26', Date.UTC(2025, 10, 26)],
    ['yesterday', 'invalid'],
    ['2025-13-40T99:99', 'invalid'],
    ['1764147600000', 'invalid'],
  ])('%s → %s', (text, expected) => {
    expect(parseFilterTime(text)).toBe(expected);
  });
});

describe('parseAuditFilters', () => {
  it('turns every filled field into a query filter and leaves the rest out', () => {
    const result = parseAuditFilters({
      actor: 'user-alice',
      action: 'api_token.used',
      outcome: 'denied',
      from: '2025-11-26T00:00',
      to: '2025-11-27T00:00',
    });
    expect(result).toEqual({
      ok: true,
      filters: {
        actor: 'user-alice',
        action: 'api_token.used',
        outcome: 'denied',
        from: Date.UTC(2025, 10, 26),
        to: Date.UTC(2025, 10, 27),
      },
    });
    expect(parseAuditFilters(empty)).toEqual({ ok: true, filters: {} });
  });

  it.each([
    ['an unknown outcome', { outcome: 'maybe' }, 'outcome', 'Outcome must be one of'],
    ['a bad time', { from: 'soon' }, 'from', 'From must be a date and time'],
    [
      'an empty window',
      { from: '2025-11-27T00:00', to: '2025-11-26T00:00' },
      'to',
      'later than From',
    ],
  ])('refuses %s, naming the field', (_name, overrides, field, message) => {
    const result = parseAuditFilters({ ...empty, ...overrides });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as 'to']).toContain(message);
  });
});

describe('readAuditFilters and auditFilterQuery', () => {
  it('reads the first value of each field, trimmed, and writes back only filled ones', () => {
    const values = readAuditFilters({
      actor: [' alice@example.com ', 'x'],
      outcome: 'failure',
      other: '1',
    });
    expect(values).toEqual({ ...empty, actor: 'alice@example.com', outcome: 'failure' });
    expect(auditFilterQuery(values, { cursor: 'c1' })).toBe(
      '?actor=alice%40example.com&outcome=failure&cursor=c1',
    );
    expect(auditFilterQuery(empty)).toBe('');
  });
});
