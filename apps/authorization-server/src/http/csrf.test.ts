import { describe, expect, it } from 'vitest';
import { createCsrfToken, isValidCsrfToken } from './csrf.js';

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
