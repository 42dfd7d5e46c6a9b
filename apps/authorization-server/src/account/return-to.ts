/** Where a signed-in person lands when nothing better is known. */
export const DEFAULT_RETURN_TO = '/account';

/** The only places a sign-in may send someone back to: our own account and admin pages. */
const RETURNABLE = /^\/(account|admin)(\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?(\?[^#\s]*)?$/;

/**
 * A `return_to` that is safe to redirect to after sign-in: a same-origin path under `/account`
 * or `/admin`, or the default. Anything that could leave the site (`//evil`, `/\evil`, a
 * scheme, control characters, encoded slashes that a browser may fold) is replaced, never
 * repaired: an open redirect is worse than landing on the account page.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2_000) return DEFAULT_RETURN_TO;
  if (!RETURNABLE.test(value)) return DEFAULT_RETURN_TO;
  if (value.includes('//') || /%2f|%5c/i.test(value) || value.startsWith('/account/sign-')) {
    return DEFAULT_RETURN_TO;
  }
  return value;
}
