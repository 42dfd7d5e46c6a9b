/**
 * Client-domain patterns for `OrgSettings.allowedClientDomains`: `example.com` matches that host
 * only; `*.example.com` matches every subdomain at any depth but not `example.com` itself.
 *
 * Internationalised names are compared in their ASCII (punycode, `xn--`) form exactly as given:
 * patterns must be written that way, and callers pass hosts as `new URL(...).hostname` returns
 * them, which is already ASCII. Nothing here converts between the two forms.
 */

/** Longest DNS name, in characters (RFC 1035). */
const MAX_HOST_LENGTH_CHARS = 253;

/** One DNS label: letters, digits and inner hyphens, 1 to 63 characters. */
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

const WILDCARD_PREFIX = '*.';

/**
 * Why `pattern` (already trimmed and lower-cased) is not a valid client-domain pattern, as the
 * end of a sentence that starts with the field name; `null` when it is valid.
 */
export function describeHostPatternProblem(pattern: string): string | null {
  if (pattern === '') return 'must not be empty';
  if (pattern === '*') return 'must not be a bare * (leave the list empty to allow any domain)';
  if (pattern.includes('://')) return 'must not include a scheme such as https://';
  if (pattern.includes('/')) return 'must not include a path';
  if (pattern.includes(':')) return 'must not include a port';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "anything not ASCII".
  if (/[^\x00-\x7f]/.test(pattern)) return 'must use the ASCII (punycode, xn--) form of the name';
  const wildcard = pattern.startsWith(WILDCARD_PREFIX);
  const name = wildcard ? pattern.slice(WILDCARD_PREFIX.length) : pattern;
  if (name.includes('*')) return 'may use * only as the whole first part, as in *.example.com';
  const labels = name.split('.');
  if (name.length > MAX_HOST_LENGTH_CHARS || !labels.every((label) => DNS_LABEL.test(label))) {
    return 'must be a domain name such as example.com or *.example.com';
  }
  if (wildcard && labels.length < 2) {
    return 'must put a whole domain after *., as in *.example.com, not a top-level domain alone';
  }
  return null;
}

/** True when `host` matches one valid `pattern`; case-insensitive, one trailing dot ignored. */
export function matchesHostPattern(pattern: string, host: string): boolean {
  const name = normaliseHost(host);
  const wanted = pattern.toLowerCase();
  if (!wanted.startsWith(WILDCARD_PREFIX)) return name === wanted;
  const suffix = wanted.slice(1); // ".example.com"
  const sub = name.slice(0, -suffix.length);
  return name.endsWith(suffix) && sub !== '' && !sub.endsWith('.');
}

/**
 * True when a client whose host is `host` may connect: the list is empty (any domain) or one
 * pattern matches. `host` is a bare host name (no scheme or port), as `URL.hostname` gives it.
 */
export function isClientHostAllowed(
  settings: { readonly allowedClientDomains: readonly string[] },
  host: string,
): boolean {
  const patterns = settings.allowedClientDomains;
  return patterns.length === 0 || patterns.some((pattern) => matchesHostPattern(pattern, host));
}

function normaliseHost(host: string): string {
  const lower = host.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
