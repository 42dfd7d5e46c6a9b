/**
 * Resource indicators (RFC 8707). Every access token is bound to exactly one audience: the MCP
 * resource URL. Clients send it in many spellings, so it is compared after normalising the
 * scheme and host case, a default port and a trailing slash (DESIGN.md §4).
 */

/** Canonical form used for comparison only; `null` for anything that is not an http(s) URL. */
export function normalizeResourceIndicator(value: string): string | null {
  const url = URL.parse(value);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  if (url.hash !== '' || value.includes('#')) return null;
  // URL already lower-cases scheme and host and drops a default port.
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}${url.search}`;
}

/** Whether `requested` names the configured resource. */
export function isSameResource(requested: string, configured: string): boolean {
  const a = normalizeResourceIndicator(requested);
  return a !== null && a === normalizeResourceIndicator(configured);
}
