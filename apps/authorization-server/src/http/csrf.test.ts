import { describe, expect, it } from 'vitest';
import { createCsrfToken, isValidCsrfToken } from './csrf.js';

describe('interaction CSRF tokens', () => {
  const key = 'k'.repeat(43);
  const token = createCsrfToken(key, 'uid-1');

  it.each([
    ['the token of this interaction', 'uid-1', token, true],
    ['the token of another interaction', 'uid-2', token, false],
    ['a truncated token', 'uid-1', token.slice(1), false],
    ['an empty token', 'uid-1', '', false],
    ['no token', 'uid-1', undefined, false],
    ['an array', 'uid-1', [token], false],
  ])('%s → %s', (_name, uid, candidate, expected) => {
    expect(isValidCsrfToken(key, uid, candidate)).toBe(expected);
  });

  it('depends on the key', () => {
    expect(isValidCsrfToken('other-key', 'uid-1', token)).toBe(false);
  });
});
