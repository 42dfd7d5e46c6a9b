import { checkApiTokenFormat, type OrgSettings } from '@gatehouse/policy';
import { type ApiTokenRecord, hashTokenValue, type Store, type User } from '@gatehouse/store';
import { allowedApiTokenScopes } from './api-tokens.js';

/** What answering an API token at the introspection endpoint needs. */
export interface ApiTokenIntrospectionDeps {
  store: Pick<Store, 'apiTokens' | 'users'>;
  settings: () => OrgSettings;
  orgId: string;
  issuer: string;
  /** Every API token is for the one protected resource: its `aud`. */
  mcpResourceUrl: string;
  now?: () => number;
}

/** Why an API token is not active. Format problems are decided without any lookup. */
export type InactiveReason =
  | 'malformed'
  | 'bad_checksum'
  | 'auth_disabled'
  | 'unknown'
  | 'revoked'
  | 'expired'
  | 'owner_unavailable';

export type ApiTokenIntrospection =
  | { active: false; reason: InactiveReason; record?: ApiTokenRecord }
  | { active: true; record: ApiTokenRecord; user: User; body: Record<string, unknown> };

/** The token's scopes narrowed to what the org allows now; `null` scopes mean all of those. */
export function effectiveApiTokenScopes(
  scopes: readonly string[] | null,
  settings: OrgSettings,
): string[] {
  const allowed = allowedApiTokenScopes(settings);
  return scopes === null ? allowed : allowed.filter((scope) => scopes.includes(scope));
}

async function findRecord(deps: ApiTokenIntrospectionDeps, token: string) {
  const record = await deps.store.apiTokens.findByHash(hashTokenValue(token));
  return record !== null && record.orgId === deps.orgId ? record : null;
}

/**
 * Decides an API token (DESIGN.md §4): shape and checksum first, so a typo costs no lookup; then
 * the org switch; then the stored record (by hash), its revocation and expiry, and its owner.
 * The active answer carries what the resource server needs, `auth_method: api_token` included.
 */
export async function introspectApiToken(
  deps: ApiTokenIntrospectionDeps,
  token: string,
): Promise<ApiTokenIntrospection> {
  const format = checkApiTokenFormat(token);
  if (!format.ok) {
    return {
      active: false,
      reason: format.reason === 'bad_checksum' ? 'bad_checksum' : 'malformed',
    };
  }
  const settings = deps.settings();
  if (!settings.apiTokenAuthEnabled) return { active: false, reason: 'auth_disabled' };
  const record = await findRecord(deps, token);
  if (record === null) return { active: false, reason: 'unknown' };
  const now = deps.now?.() ?? Date.now();
  if (record.revokedAt !== null) return { active: false, reason: 'revoked', record };
  if (record.expiresAt <= now) return { active: false, reason: 'expired', record };
  const user = await deps.store.users.findById(record.userId);
  if (user === null || user.disabled || user.orgId !== deps.orgId) {
    return { active: false, reason: 'owner_unavailable', record };
  }
  const body = {
    active: true,
    sub: user.id,
    email: user.email,
    client_id: `api-token:${record.id}`,
    scope: effectiveApiTokenScopes(record.scopes, settings).join(' '),
    aud: deps.mcpResourceUrl,
    iss: deps.issuer,
    iat: Math.floor(record.createdAt / 1000),
    exp: Math.floor(record.expiresAt / 1000),
    token_type: 'Bearer',
    auth_method: 'api_token',
    api_token_id: record.id,
  };
  return { active: true, record, user, body };
}
