/**
 * `WWW-Authenticate` challenges (RFC 6750 §3, RFC 9728 §5.1, RFC 7617). Pure string building:
 * which challenge to send is decided elsewhere.
 */

/** The `Basic` realm advertised while API-token authentication is enabled. */
export const BASIC_REALM = 'Gatehouse API tokens';

/** RFC 6750 error codes a Bearer challenge may carry. */
export type BearerErrorCode = 'invalid_request' | 'invalid_token' | 'insufficient_scope';

export interface BearerChallenge {
  /** The protected resource metadata URL (RFC 9728 §5.1). */
  resourceMetadataUrl: string;
  /** Scopes that would satisfy this request; omitted when empty. */
  scopes: readonly string[];
  error?: { code: BearerErrorCode; description: string };
}

/**
 * RFC 6750 allows only printable ASCII without `"` and `\` in `error_description` (and in scope
 * tokens); anything else becomes `?` (or `'` for a double quote) rather than breaking the header.
 */
export function toHeaderSafe(value: string): string {
  return value.replace(/"/g, "'").replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '?');
}

function formatParams(params: ReadonlyArray<readonly [string, string]>): string {
  return params.map(([name, value]) => `${name}="${toHeaderSafe(value)}"`).join(', ');
}

/** One `Bearer` challenge. `resource_metadata` comes first unless there is an error to report. */
export function formatBearerChallenge(challenge: BearerChallenge): string {
  const params: Array<readonly [string, string]> = [];
  if (challenge.error !== undefined) params.push(['error', challenge.error.code]);
  params.push(['resource_metadata', challenge.resourceMetadataUrl]);
  if (challenge.scopes.length > 0) params.push(['scope', challenge.scopes.join(' ')]);
  if (challenge.error !== undefined) {
    params.push(['error_description', challenge.error.description]);
  }
  return `Bearer ${formatParams(params)}`;
}

/** The `Basic` challenge for API tokens (RFC 7617), credentials in UTF-8. */
export function formatBasicChallenge(realm: string = BASIC_REALM): string {
  return `Basic ${formatParams([
    ['realm', realm],
    ['charset', 'UTF-8'],
  ])}`;
}

/**
 * The full header value for a 401 or 403: the Bearer challenge first (MCP clients read the first
 * challenge), then `Basic` when API tokens are accepted.
 */
export function formatChallenges(bearer: BearerChallenge, options: { basic: boolean }): string {
  const challenges = [formatBearerChallenge(bearer)];
  if (options.basic) challenges.push(formatBasicChallenge());
  return challenges.join(', ');
}
