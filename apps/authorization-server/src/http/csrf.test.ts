import { describe, expect, it } from 'vitest';
import { createCsrfToken, deriveCsrfKey, isValidCsrfToken } from './csrf.js';

describe('CSRF tokens', () => {
  const key = 'k'.repeat(43);
  const token = createCsrfToken(key, 'interaction:uid-1');

  it.each([
    ['the token of this binding', 'interaction:uid-1', token, true],
    ['the token of another interaction', 'interaction:uid-2', token, false],
    ['the token of another kind of form', 'account-session:uid-1', token, false],
    ['a truncated token', 'interaction:uid-1', token.slice(1), false],
    ['an empty token', 'interaction:uid-1', '', false],
    ['no token', 'interaction:uid-1', undefined, false],
    ['an array', 'interaction:uid-1', [token], false],
  ])('%s → %s', (_name, binding, candidate, expected) => {
    expect(isValidCsrfToken(key, binding, candidate)).toBe(expected);
  });

  it('depends on the key', () => {
    expect(isValidCsrfToken('other-key', 'interaction:uid-1', token)).toBe(false);
  });
});

describe('deriveCsrfKey', () => {
  const cookieKey = 'c'.repeat(43);

  it('derives a 32-byte key that is not the cookie key', () => {
    const key = deriveCsrfKey([cookieKey]);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(key).not.toBe(cookieKey);
  });

  it('derives the same key on every instance, from the newest cookie key only', () => {
    expect(deriveCsrfKey([cookieKey, 'older'])).toBe(deriveCsrfKey([cookieKey]));
    expect(deriveCsrfKey(['d'.repeat(43), cookieKey])).not.toBe(deriveCsrfKey([cookieKey]));
  });

  it.each<[string, string[]]>([
    ['no cookie key', []],
    ['an empty cookie key', ['']],
  ])('refuses %s', (_name, cookieKeys) => {
    expect(() => deriveCsrfKey(cookieKeys)).toThrow('no cookie key');
  });
});
