import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_TO, safeReturnTo } from './return-to.js';

describe('safeReturnTo', () => {
  it.each([
    ['/account', '/account'],
    ['/admin', '/admin'],
    [
      '/admin/audit?actor=alice%40example.com&outcome=failure',
      '/admin/audit?actor=alice%40example.com&outcome=failure',
    ],
    ['/account/tokens/new', '/account/tokens/new'],
  ])('keeps our own page %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it.each([
    ['another site', 'https://evil.example/account'],
    ['a protocol-relative URL', '//evil.example/account'],
    ['a backslash trick', '/\\evil.example'],
    ['a double slash inside', '/account//evil.example'],
    ['an encoded slash', '/account/%2F%2Fevil.example'],
    ['an encoded backslash', '/admin/%5Cevil'],
    ['a page that is not ours to return to', '/oauth/authorize?client_id=x'],
    ['a prefix look-alike', '/accounting'],
    ['the sign-in page itself', '/account/sign-in?return_to=/admin'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a newline', '/account\nSet-Cookie: x=1'],
    ['a fragment', '/account#x'],
    ['nothing', undefined],
    ['an array', ['/admin']],
    ['an empty string', ''],
  ])('replaces %s with the default', (_name, value) => {
    expect(safeReturnTo(value)).toBe(DEFAULT_RETURN_TO);
  });
});
