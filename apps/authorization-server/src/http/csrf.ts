import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CSRF tokens for the interaction forms: an HMAC of the interaction uid under a server key.
 * A form is only accepted with the token minted for its own interaction, on top of the
 * `SameSite=Lax` interaction cookie that already keeps cross-site posts out.
 */
export function createCsrfToken(key: string, uid: string): string {
  return createHmac('sha256', key).update(`interaction-csrf:${uid}`).digest('base64url');
}

export function isValidCsrfToken(key: string, uid: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length === 0) return false;
  const expected = Buffer.from(createCsrfToken(key, uid));
  const actual = Buffer.from(token);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
