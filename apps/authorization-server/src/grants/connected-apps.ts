import { type ScopeId, sortScopes } from '@gatehouse/policy';
import type { Store, User } from '@gatehouse/store';
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.js';
import { clientDisplayName } from '../interactions/client-display.js';
import { type GrantSummary, listGrants, revokeGrant } from './grants.js';
import type { UsageRecorder } from './usage.js';

/** A client a user granted access, with every grant it holds for that user taken together. */
export interface ConnectedApp {
  clientId: string;
  name: string;
  /** Union of the grants' scopes, in catalogue order. */
  scopes: string[];
  grantIds: string[];
  /** When the oldest grant was made; epoch milliseconds. */
  connectedAt: number;
  lastUsedAt: number | null;
}

/** Name shown for a client that no longer exists (its grants outlive it until revoked). */
export const DELETED_APP_NAME = 'A deleted app';

/** Groups grants by client; apps ordered by most recent use, then by name. Pure. */
export function groupConnectedApps(
  grants: readonly GrantSummary[],
  names: ReadonlyMap<string, string>,
): ConnectedApp[] {
  const apps = new Map<string, ConnectedApp>();
  for (const grant of grants) {
    const app = apps.get(grant.clientId) ?? {
      clientId: grant.clientId,
      name: names.get(grant.clientId) ?? DELETED_APP_NAME,
      scopes: [],
      grantIds: [],
      connectedAt: grant.createdAt,
      lastUsedAt: null,
    };
    app.scopes = sortScopes([...app.scopes, ...grant.scopes] as ScopeId[]);
    app.grantIds.push(grant.grantId);
    app.connectedAt = Math.min(app.connectedAt, grant.createdAt);
    if (grant.lastUsedAt !== null) app.lastUsedAt = Math.max(app.lastUsedAt ?? 0, grant.lastUsedAt);
    apps.set(grant.clientId, app);
  }
  return [...apps.values()].sort(
    (a, b) => (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0) || a.name.localeCompare(b.name),
  );
}

/** Display names of the given clients, read from their registered metadata. */
export async function clientNames(
  store: Pick<Store, 'oidc'>,
  clientIds: Iterable<string>,
): Promise<Map<string, string>> {
  const clients = store.oidc.forModel('Client');
  const entries = await Promise.all(
    [...new Set(clientIds)].map(async (id) => {
      const payload = await clients.find(id);
      if (payload === undefined) return null;
      const clientName = typeof payload.client_name === 'string' ? payload.client_name : undefined;
      const redirectUris = Array.isArray(payload.redirect_uris)
        ? payload.redirect_uris.filter((uri): uri is string => typeof uri === 'string')
        : [];
      return [id, clientDisplayName({ clientName, redirectUris }, undefined)] as const;
    }),
  );
  return new Map(entries.filter((entry) => entry !== null));
}

/** The apps a user has connected. */
export async function listConnectedApps(
  deps: { store: Pick<Store, 'oidc'>; usage: UsageRecorder },
  accountId: string,
): Promise<ConnectedApp[]> {
  const grants = await listGrants(deps.store, deps.usage, { accountId });
  const names = await clientNames(
    deps.store,
    grants.map((grant) => grant.clientId),
  );
  return groupConnectedApps(grants, names);
}

/**
 * Disconnects one app from one user: revokes each of its grants for that user (and with them
 * every token), tells every process, and audits `grant.revoked`. Returns how many grants went.
 */
export async function disconnectApp(
  deps: {
    store: Pick<Store, 'oidc' | 'events'>;
    usage: UsageRecorder;
    audit: AuditWriter;
    logger: Logger;
    orgId: string;
  },
  input: { accountId: string; clientId: string; actor: User; ip: string },
): Promise<number> {
  const grants = await listGrants(deps.store, deps.usage, {
    accountId: input.accountId,
    clientId: input.clientId,
  });
  for (const grant of grants) await revokeGrant(deps, grant.grantId);
  if (grants.length > 0) {
    await deps.audit({
      orgId: deps.orgId,
      action: 'grant.revoked',
      outcome: 'success',
      actor: input.actor.id,
      clientId: input.clientId,
      ip: input.ip,
      details: { ownerId: input.accountId, grantIds: grants.map((grant) => grant.grantId) },
    });
  }
  return grants.length;
}
