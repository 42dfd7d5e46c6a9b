import { describe, expect, it } from 'vitest';
import { createKeys, part } from './keys.js';

describe('part', () => {
  it.each([
    ['plain-id_1', 'plain-id_1'],
    ['a:b', 'a%3Ab'],
    ['50%', '50%25'],
    ['%3A', '%253A'],
  ])('%j → %j', (value, expected) => {
    expect(part(value)).toBe(expected);
  });
});

describe('createKeys', () => {
  const keys = createKeys('gatehouse:');

  it('prefixes every key and the events channel', () => {
    expect(keys.oidcEntry('AccessToken', 'tok123')).toBe('gatehouse:oidc:AccessToken:tok123');
    expect(keys.auditEvent(17)).toBe('gatehouse:audit-event:17');
    expect(keys.eventsChannel).toBe('gatehouse:events');
  });

  it('never gives two different argument lists the same key', () => {
    expect(keys.auditBy('actor', 'a:b', 'c')).not.toBe(keys.auditBy('actor', 'a', 'b:c'));
    expect(keys.oidcUserCode('M', 'a:b')).not.toBe(keys.oidcUserCode('M:a', 'b'));
  });
});
