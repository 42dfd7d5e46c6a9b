/**
 * Audience checks (RFC 8707, MCP authorization §"Token Handling"): a token is good here only if
 * it was issued for this resource. Compared after normalising the scheme and host case, a
 * default port and a trailing slash, the same way the authorization server compares resource
 * indicators (DESIGN.md §4).
 */

/** Canonical form for comparison; `null` for anything that is not an http(s) URL without fragment. */
export function normalizeResource(value: string): string | null {
  const url = URL.parse(value);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  if (url.hash !== '' || value.includes('#')) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}${url.search}`;
}

/** True when one of the token's audiences names `resourceUrl`. */
export function isAudienceOf(audiences: readonly string[], resourceUrl: string): boolean {
  const wanted = normalizeResource(resourceUrl);
  return wanted !== null && audiences.some((aud) => normalizeResource(aud) === wanted);
}
