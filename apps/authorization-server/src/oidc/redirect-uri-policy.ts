/**
 * What a registered redirect URI may be (DESIGN.md §6, RFC 8252, OAuth 2.1 §2.3.1): `https`,
 * loopback `http` (any port at authorization time for native clients), or a private-use scheme
 * for native apps. Everything else is refused with a sentence that says why.
 */

export type RedirectUriKind = 'https' | 'loopback' | 'private_use';

export type RedirectUriVerdict =
  | { ok: true; kind: RedirectUriKind }
  | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
const FORBIDDEN_SCHEMES = new Set([
  'javascript:',
  'vbscript:',
  'data:',
  'blob:',
  'file:',
  'about:',
  'ftp:',
  'ws:',
  'wss:',
]);
const SCHEME_SYNTAX = /^[a-z][a-z0-9+.-]*:/i;

function checkWebUri(url: URL, uri: string): RedirectUriVerdict {
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: `${uri} must not contain a user name or password` };
  }
  if (url.protocol === 'https:') return { ok: true, kind: 'https' };
  if (LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, kind: 'loopback' };
  return {
    ok: false,
    reason: `${uri} uses http on a host that is not loopback; use https, or http only on 127.0.0.1, [::1] or localhost`,
  };
}

/** Checks one redirect URI as given at registration. */
export function checkRedirectUri(uri: string): RedirectUriVerdict {
  if (uri.includes('#')) return { ok: false, reason: `${uri} must not contain a fragment` };
  if (uri.includes('*')) return { ok: false, reason: `${uri} must not contain a wildcard` };
  if (!SCHEME_SYNTAX.test(uri)) return { ok: false, reason: `${uri} is not an absolute URI` };
  const url = URL.parse(uri);
  if (url === null) return { ok: false, reason: `${uri} is not a valid URI` };
  if (FORBIDDEN_SCHEMES.has(url.protocol)) {
    return {
      ok: false,
      reason: `${uri} uses the ${url.protocol.slice(0, -1)} scheme, which is never allowed`,
    };
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') return checkWebUri(url, uri);
  if (uri.length <= url.protocol.length) {
    return { ok: false, reason: `${uri} has a scheme but nothing after it` };
  }
  return { ok: true, kind: 'private_use' };
}

/**
 * Clients that register only loopback or private-use redirect URIs are native apps (RFC 8252),
 * whatever `application_type` they omitted; that is what lets them use any loopback port.
 */
export function inferApplicationType(kinds: RedirectUriKind[]): 'native' | 'web' {
  return kinds.length > 0 && kinds.every((kind) => kind !== 'https') ? 'native' : 'web';
}
