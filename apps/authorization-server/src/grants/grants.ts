import { splitScopeString } from '@gatehouse/policy';
import type { OidcPayload, Store } from '@gatehouse/store';
import type { Logger } from 'pino';
import type { UsageRecorder } from './usage.js';

/** One OAuth grant: what a user allowed one client, as the account and admin pages show it. */
export interface GrantSummary {
  grantId: string;
  accountId: string;
  clientId: string;
  /** Granted scopes (resource scopes and `offline_access`; never `openid`). */
  scopes: string[];
  /** Epoch milliseconds. */
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

function grantScopes(payload: OidcPayload): string[] {
  const resources = (payload.resources ?? {}) as Record<string, unknown>;
  const openid = (payload.openid ?? {}) as { scope?: unknown };
  const all = [...Object.values(resources), openid.scope]
    .filter((value): value is string => typeof value === 'string')
    .flatMap(splitScopeString);
  return [...new Set(all)].filter((scope) => scope !== 'openid');
}

/** Reads a stored oidc-provider `Grant` payload; `null` for anything not shaped like one. */
export function toGrantSummary(
  grantId: string,
  payload: OidcPayload,
  lastUsedAt: number | null,
): GrantSummary | null {
  const { accountId, clientId, iat, exp } = payload;
  if (typeof accountId !== 'string' || typeof clientId !== 'string') return null;
  return {
    grantId,
    accountId,
    clientId,
    scopes: grantScopes(payload),
    createdAt: typeof iat === 'number' ? iat * 1000 : 0,
    expiresAt: typeof exp === 'number' ? exp * 1000 : null,
    lastUsedAt,
  };
}

/**
 * Every live grant matching the filter, newest first. Reads all stored grants (the store has
 * no index by account or client); fine for one org's users, and never out of step with the
 * grants themselves, which a separately kept index could be.
 */
export async function listGrants(
  store: Pick<Store, 'oidc'>,
  usage: UsageRecorder,
  filter: { accountId?: string; clientId?: string } = {},
): Promise<GrantSummary[]> {
  const [entries, used] = await Promise.all([store.oidc.list('Grant'), usage.grantUsage()]);
  return entries
    .map(({ id, payload }) => toGrantSummary(id, payload, used.get(id) ?? null))
    .filter((grant): grant is GrantSummary => grant !== null)
    .filter((grant) => filter.accountId === undefined || grant.accountId === filter.accountId)
    .filter((grant) => filter.clientId === undefined || grant.clientId === filter.clientId)
    .sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * Revokes a grant and every token issued under it (refresh and access tokens, codes), then
 * tells every process (`grant.revoked`) so resource servers drop cached introspections.
 */
export async function revokeGrant(
  deps: { store: Pick<Store, 'oidc' | 'events'>; logger: Logger },
  grantId: string,
): Promise<void> {
  const grants = deps.store.oidc.forModel('Grant');
  await grants.revokeByGrantId(grantId);
  await grants.destroy(grantId);
  await deps.store.events.publish({ type: 'grant.revoked', grantId }).catch((error: unknown) => {
    deps.logger.error({ err: error, grantId }, 'could not publish grant.revoked');
  });
}
