/**
 * Pure URL rules both servers apply: what counts as loopback, how resource indicators compare
 * (RFC 8707; DESIGN.md §4), and which `Host` values a server answers to (DNS rebinding).
 */

const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

/** `localhost`, `127.0.0.1` or `[::1]` (with or without brackets), any case. */
export function isLoopbackHostname(hostname: string): boolean {
  return [...LOOPBACK_HOSTNAMES, '::1'].includes(hostname.toLowerCase());
}

/**
 * Canonical form of a resource indicator, for comparison only: scheme and host lower-cased, a
 * default port and trailing slashes dropped. `null` for anything but an http(s) URL without a
 * fragment. The path and query keep their case.
 */
export function normalizeResourceIndicator(value: string): string | null {
  const url = URL.parse(value);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  if (url.hash !== '' || value.includes('#')) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}${url.search}`;
}

/** Whether two resource indicators name the same resource. */
export function isSameResource(a: string, b: string): boolean {
  const left = normalizeResourceIndicator(a);
  return left !== null && left === normalizeResourceIndicator(b);
}

/**
 * The `Host` values a server at `url` answers to: its own authority, its loopback aliases on the
 * same port when it is loopback, and configured extras. Lower-case, each once.
 */
export function defaultAllowedHosts(url: string, extra: readonly string[] = []): string[] {
  const parsed = new URL(url);
  const hosts = [parsed.host.toLowerCase()];
  if (isLoopbackHostname(parsed.hostname)) {
    const port = parsed.port === '' ? '' : `:${parsed.port}`;
    hosts.push(...LOOPBACK_HOSTNAMES.map((name) => `${name}${port}`));
  }
  return [...new Set([...hosts, ...extra.map((host) => host.toLowerCase())])];
}

/** Splits `host[:port]`, IPv6 literals in brackets included. */
function splitHost(value: string): { hostname: string; port: string } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(value);
  return { hostname: match?.[1] ?? value, port: match?.[2] ?? '' };
}

/**
 * Whether a `Host` header names this server. An allowed entry with a port must match exactly;
 * an entry without one (`mcp.example.com`) accepts that name on any port.
 */
export function isHostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (host === undefined || host === '') return false;
  const wanted = host.toLowerCase();
  const { hostname } = splitHost(wanted);
  return allowed.some(
    (entry) => entry === wanted || (splitHost(entry).port === '' && entry === hostname),
  );
}
