import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** HKDF `info` of the CSRF key: names what the derived key is for, so it is no other key. */
const CSRF_KEY_LABEL = 'gatehouse/csrf-token-key/v1';
/** Length of the derived CSRF key: 32 bytes, as long as the HMAC-SHA256 output it keys. */
const CSRF_KEY_BYTES = 32;

/**
 * The key of the forms' CSRF tokens, derived (HKDF-SHA256, fixed label) from the newest
 * cookie-signing key: every instance derives the same key from the shared key material, yet
 * CSRF tokens and signed cookies never share a key. Rotating the cookie keys rotates it too.
 * Throws when there is no cookie key, at start-up: an empty key would make tokens forgeable.
 */
export function deriveCsrfKey(cookieKeys: readonly string[]): string {
  const cookieKey = cookieKeys[0];
  if (cookieKey === undefined || cookieKey === '') {
    throw new Error('The key material has no cookie key to derive the CSRF key from.');
  }
  const key = hkdfSync('sha256', cookieKey, '', CSRF_KEY_LABEL, CSRF_KEY_BYTES);
  return Buffer.from(key).toString('base64url');
}

/**
 * CSRF tokens for the server's own forms: an HMAC, under a server key, of what the form is bound
 * to (`interaction:<uid>` for sign-in and consent, `account-session:<id>` for account and admin
 * pages, `account-sign-in:<nonce>` before anyone is signed in). A form is only accepted with the
 * token minted for its own binding, on top of the `SameSite=Lax` cookies that already keep
 * cross-site posts out.
 */
export function createCsrfToken(key: string, binding: string): string {
  return createHmac('sha256', key).update(`csrf:${binding}`).digest('base64url');
}

/** Constant-time check of a submitted token (any type: it comes straight from a form). */
export function isValidCsrfToken(key: string, binding: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length === 0) return false;
  const expected = Buffer.from(createCsrfToken(key, binding));
  const actual = Buffer.from(token);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
