/**
 * Reading the credential a request presents. Only the `Authorization` header counts (DESIGN.md
 * §6): `Bearer <token>` for OAuth access tokens and API tokens, `Basic base64(email:token)` for
 * API tokens. Pure: no lookups, no I/O.
 */

/** What the `Authorization` header holds, before anyone has checked the token. */
export type PresentedCredential =
  /** No header at all. */
  | { kind: 'none' }
  /** A scheme we do not support (RFC 6750 §3.1: answer as if nothing was sent). */
  | { kind: 'unsupported'; scheme: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; email: string; token: string }
  /** A supported scheme whose value cannot be read; `problem` is safe to show. */
  | { kind: 'malformed'; scheme: 'bearer' | 'basic'; problem: string };

/** RFC 6750 §2.1 `b64token`. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
/** RFC 4648 base64, padded. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function parseBasic(value: string): PresentedCredential {
  if (!BASE64.test(value) || value === '') {
    return { kind: 'malformed', scheme: 'basic', problem: 'The Basic credentials are not base64.' };
  }
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const email = decoded.slice(0, separator).trim();
  const token = decoded.slice(separator + 1);
  if (separator < 0 || email === '' || token === '' || CONTROL_CHARACTERS.test(decoded)) {
    return {
      kind: 'malformed',
      scheme: 'basic',
      problem: 'Basic credentials must be base64 of "email:api-token".',
    };
  }
  return { kind: 'basic', email, token };
}

/** Reads an `Authorization` header value (`undefined` or empty when the header is absent). */
export function parseAuthorizationHeader(header: string | undefined): PresentedCredential {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const match = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)(?: +(.*))?$/.exec(header.trim());
  if (match === null) return { kind: 'unsupported', scheme: '' };
  const scheme = (match[1] ?? '').toLowerCase();
  const value = (match[2] ?? '').trim();
  if (scheme === 'bearer') {
    if (!B64TOKEN.test(value)) {
      return { kind: 'malformed', scheme: 'bearer', problem: 'The bearer token is malformed.' };
    }
    return { kind: 'bearer', token: value };
  }
  if (scheme === 'basic') return parseBasic(value);
  return { kind: 'unsupported', scheme };
}

/** JWS compact serialization: three base64url segments; the signature is empty for `alg: none`. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * True for a token shaped like a JWT (three base64url segments separated by dots). This server's
 * authorization server issues opaque access tokens and `gat_` API tokens, neither with a dot, so
 * such a token was issued by someone else (another authorization server, an ID token sent by
 * mistake) and is refused without asking.
 */
export function isJwtShaped(token: string): boolean {
  return JWT_SHAPE.test(token);
}

/** True when the query string tries to carry a token, which this server never accepts. */
export function hasTokenInQuery(query: Record<string, unknown>): boolean {
  return Object.keys(query).some((key) => key.toLowerCase() === 'access_token');
}
