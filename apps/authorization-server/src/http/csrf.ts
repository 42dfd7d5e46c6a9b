import { createHmac, timingSafeEqual } from 'node:crypto';

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
