import { isSameResource } from '@gatehouse/policy';

/**
 * Audience checks (RFC 8707, MCP authorization §"Token Handling"): a token is good here only if
 * it was issued for this resource. Compared after normalising the scheme and host case, a
 * default port and a trailing slash, the same way the authorization server compares resource
 * indicators (DESIGN.md §4).
 */

/** True when one of the token's audiences names `resourceUrl`. */
export function isAudienceOf(audiences: readonly string[], resourceUrl: string): boolean {
  return audiences.some((aud) => isSameResource(aud, resourceUrl));
}
