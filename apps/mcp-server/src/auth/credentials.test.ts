import { describe, expect, it } from 'vitest';
import {
  hasTokenInQuery,
  isJwtShaped,
  type PresentedCredential,
  parseAuthorizationHeader,
} from './credentials.js';

const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
const TOKEN = 'gat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA_abcdef';

describe('parseAuthorizationHeader', () => {
  it.each<[string, string | undefined, PresentedCredential]>([
    ['no header', undefined, { kind: 'none' }],
    ['an empty header', '   ', { kind: 'none' }],
    ['a bearer token', 'Bearer abc.DEF-123_~+/=', { kind: 'bearer', token: 'abc.DEF-123_~+/=' }],
    ['the scheme in any case', 'bEaReR xyz', { kind: 'bearer', token: 'xyz' }],
    ['several spaces after the scheme', 'Bearer   xyz', { kind: 'bearer', token: 'xyz' }],
    [
      'a bearer without token',
      'Bearer',
      { kind: 'malformed', scheme: 'bearer', problem: 'The bearer token is malformed.' },
    ],
    [
      'a bearer token with a space inside',
      'Bearer abc def',
      { kind: 'malformed', scheme: 'bearer', problem: 'The bearer token is malformed.' },
    ],
    [
      'a bearer token with a quote',
      'Bearer "abc"',
      { kind: 'malformed', scheme: 'bearer', problem: 'The bearer token is malformed.' },
    ],
    [
      'Basic email:token',
      `Basic ${b64(`alice@example.com:${TOKEN}`)}`,
      { kind: 'basic', email: 'alice@example.com', token: TOKEN },
    ],
    [
      'Basic with a colon in the password',
      `Basic ${b64('a@b.c:x:y')}`,
      { kind: 'basic', email: 'a@b.c', token: 'x:y' },
    ],
    [
      'Basic with a UTF-8 email',
      `Basic ${b64('zoë@example.com:t')}`,
      { kind: 'basic', email: 'zoë@example.com', token: 't' },
    ],
    [
      'Basic that is not base64',
      'Basic not*base64',
      { kind: 'malformed', scheme: 'basic', problem: 'The Basic credentials are not base64.' },
    ],
    [
      'Basic without a value',
      'Basic',
      { kind: 'malformed', scheme: 'basic', problem: 'The Basic credentials are not base64.' },
    ],
    [
      'Basic without a colon',
      `Basic ${b64('alice@example.com')}`,
      {
        kind: 'malformed',
        scheme: 'basic',
        problem: 'Basic credentials must be base64 of "email:api-token".',
      },
    ],
    [
      'Basic with an empty email',
      `Basic ${b64(`:${TOKEN}`)}`,
      {
        kind: 'malformed',
        scheme: 'basic',
        problem: 'Basic credentials must be base64 of "email:api-token".',
      },
    ],
    [
      'Basic with an empty token',
      `Basic ${b64('alice@example.com:')}`,
      {
        kind: 'malformed',
        scheme: 'basic',
        problem: 'Basic credentials must be base64 of "email:api-token".',
      },
    ],
    [
      'Basic with a control character',
      `Basic ${b64('alice@example.com:tok\nen')}`,
      {
        kind: 'malformed',
        scheme: 'basic',
        problem: 'Basic credentials must be base64 of "email:api-token".',
      },
    ],
    ['another scheme', 'Digest username="x"', { kind: 'unsupported', scheme: 'digest' }],
    ['a bare token without scheme', '=abc', { kind: 'unsupported', scheme: '' }],
  ])('reads %s', (_name, header, expected) => {
    expect(parseAuthorizationHeader(header)).toEqual(expected);
  });
});

describe('isJwtShaped', () => {
  it.each<[string, string, boolean]>([
    ['a signed JWT', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl', true],
    ['an unsecured JWT (empty signature)', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.', true],
    ['an opaque access token', 'Xk3dY2oT1pQ-8fJ_wAzL0mR5vN9cB4hE6uG7iS2qK1', false],
    ['an API token', TOKEN, false],
    ['two segments', 'abc.def', false],
    ['an empty payload', 'abc..def', false],
    ['five segments (JWE)', 'a.b.c.d.e', false],
    ['base64 rather than base64url', 'ab+c.de/f.ghi', false],
  ])('%s → %s', (_name, token, expected) => {
    expect(isJwtShaped(token)).toBe(expected);
  });
});

describe('hasTokenInQuery', () => {
  it.each<[Record<string, unknown>, boolean]>([
    [{}, false],
    [{ access_token: 'abc' }, true],
    [{ ACCESS_TOKEN: 'abc' }, true],
    [{ access_token: '' }, true],
    [{ token: 'abc' }, false],
  ])('%j → %s', (query, expected) => {
    expect(hasTokenInQuery(query)).toBe(expected);
  });
});
