import { describe, expect, it } from 'vitest';
import {
  API_TOKEN_PREFIX,
  apiTokenHint,
  checkApiTokenFormat,
  formatApiToken,
  looksLikeApiToken,
} from './api-token-format.js';

const bytes = (fill: number) => new Uint8Array(32).fill(fill);
const token = formatApiToken(bytes(7));

describe('formatApiToken', () => {
  it('builds gat_<43 base64url>_<6 base62>', () => {
    expect(token).toMatch(/^gat_[A-Za-z0-9_-]{43}_[0-9A-Za-z]{6}$/);
    expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
  });

  it('differs for different bytes and is stable for the same', () => {
    expect(formatApiToken(bytes(8))).not.toBe(token);
    expect(formatApiToken(bytes(7))).toBe(token);
  });

  it('refuses the wrong amount of randomness', () => {
    expect(() => formatApiToken(new Uint8Array(16))).toThrow(RangeError);
  });
});

describe('checkApiTokenFormat', () => {
  const flipped = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
  it.each([
    ['a well-formed token', token, { ok: true }],
    ['an OAuth access token', 'Zx81abcdefghijklmnop', { ok: false, reason: 'not_an_api_token' }],
    ['a truncated token', token.slice(0, -1), { ok: false, reason: 'malformed' }],
    ['extra characters', `${token}x`, { ok: false, reason: 'malformed' }],
    ['the prefix alone', 'gat_', { ok: false, reason: 'malformed' }],
    ['a typo in the secret', flipped, { ok: false, reason: 'bad_checksum' }],
    ['a wrong checksum', `${token.slice(0, -6)}000000`, { ok: false, reason: 'bad_checksum' }],
  ])('%s', (_name, value, expected) => {
    expect(checkApiTokenFormat(value)).toEqual(expected);
  });
});

describe('looksLikeApiToken and apiTokenHint', () => {
  it.each([
    [token, true],
    ['gat_whatever', true],
    ['eyJhbGciOi', false],
  ])('%s → %s', (value, expected) => {
    expect(looksLikeApiToken(value)).toBe(expected);
  });

  it('shows the prefix and four characters only', () => {
    expect(apiTokenHint(token)).toBe(`${token.slice(0, 8)}…`);
    expect(apiTokenHint(token)).toHaveLength(9);
  });
});
