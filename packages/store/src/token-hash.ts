import { createHash } from 'node:crypto';

/**
 * The `tokenHash` that `token.revoked` and `api_token.revoked` events carry, and an API token's
 * stored `ApiTokenRecord.hash`: the lower-case hex SHA-256 of the whole token string. Whoever
 * publishes an event and whoever matches one against tokens it holds hash with this, so the two
 * always agree; the token itself never travels or rests.
 */
export function hashTokenValue(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
