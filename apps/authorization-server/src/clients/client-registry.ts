import type { OidcPayload, Store, User } from '@gatehouse/store';
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.js';
import { listGrants, revokeGrant } from '../grants/grants.js';
import type { UsageRecorder } from '../grants/usage.js';
import {
  type ClientRegistration,
  clientDisplayName,
  clientRegistration,
  describeRedirectTarget,
} from '../interactions/client-display.js';
import type { ClientBlocks } from './client-blocks.js';
import type { DocumentClients } from './document-clients.js';

/** One registered client as the admin console lists it. */
export interface ClientSummary {
  clientId: string;
  name: string;
  registration: ClientRegistration;
  redirectHosts: string[];
  /** Epoch milliseconds; `null` when unknown (static clients). */
  createdAt: number | null;
  lastUsedAt: number | null;
  blocked: boolean;
}

/** What listing, deleting and blocking clients needs. */
export interface ClientRegistryDeps {
  store: Pick<Store, 'oidc' | 'events'>;
  usage: UsageRecorder;
  blocks: ClientBlocks;
  documentClients: DocumentClients;
  audit: AuditWriter;
  logger: Logger;
  orgId: string;
  /** Clients from configuration (the resource server's), listed but never deleted. */
  staticClients: ReadonlyArray<{ clientId: string; name: string }>;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

/** Reads a stored `Client` payload (its registered metadata, snake_case). */
export function toClientSummary(
  id: string,
  payload: OidcPayload,
  extra: { lastUsedAt: number | null; blocked: boolean; staticIds: readonly string[] },
): ClientSummary {
  const redirectUris = stringList(payload.redirect_uris);
  const clientName = typeof payload.client_name === 'string' ? payload.client_name : undefined;
  const issuedAt = payload.client_id_issued_at;
  return {
    clientId: id,
    name: clientDisplayName({ clientName, redirectUris }, undefined),
    registration: clientRegistration(id, extra.staticIds),
    redirectHosts: [...new Set(redirectUris.map(describeRedirectTarget))],
    createdAt: typeof issuedAt === 'number' ? issuedAt * 1000 : null,
    lastUsedAt: extra.lastUsedAt,
    blocked: extra.blocked,
  };
}

/** Every client: static ones first, then registered and metadata-document ones, newest first. */
export async function listClients(deps: ClientRegistryDeps): Promise<ClientSummary[]> {
  const [stored, documents, used, blocked] = await Promise.all([
    deps.store.oidc.list('Client'),
    deps.documentClients.list(),
    deps.usage.clientUsage(),
    deps.blocks.list(),
  ]);
  const staticIds = deps.staticClients.map((client) => client.clientId);
  const fromDocuments = documents.map((document) => ({
    id: document.clientId,
    // A document states no issue time; when it was first admitted stands in for "created".
    payload: { ...document.metadata, client_id_issued_at: Math.floor(document.firstSeenAt / 1000) },
  }));
  const registered = [...stored, ...fromDocuments]
    .map(({ id, payload }) =>
      toClientSummary(id, payload, {
        lastUsedAt: used.get(id) ?? null,
        blocked: blocked.has(id),
        staticIds,
      }),
    )
    .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
  const configured = deps.staticClients.map((client) => ({
    clientId: client.clientId,
    name: client.name,
    registration: 'static' as const,
    redirectHosts: [],
    createdAt: null,
    lastUsedAt: used.get(client.clientId) ?? null,
    blocked: false,
  }));
  return [...configured, ...registered];
}

/** Revokes every grant (and so every token) the client holds; returns how many. */
async function revokeClientGrants(deps: ClientRegistryDeps, clientId: string): Promise<number> {
  const grants = await listGrants(deps.store, deps.usage, { clientId });
  for (const grant of grants) await revokeGrant(deps, grant.grantId);
  return grants.length;
}

export type ClientChangeOutcome = 'done' | 'not_found' | 'static';

async function findRegistered(deps: ClientRegistryDeps, clientId: string) {
  if (deps.staticClients.some((client) => client.clientId === clientId)) return 'static';
  const stored = await deps.store.oidc.forModel('Client').find(clientId);
  if (stored !== undefined) return stored;
  return (await deps.documentClients.find(clientId))?.metadata ?? 'not_found';
}

/** Deletes a registered client, its grants and tokens, its block and usage records; audited. */
export async function deleteClient(
  deps: ClientRegistryDeps,
  input: { clientId: string; actor: User; ip: string },
): Promise<ClientChangeOutcome> {
  const found = await findRegistered(deps, input.clientId);
  if (typeof found === 'string') return found;
  await deps.store.oidc.forModel('Client').destroy(input.clientId);
  const revokedGrants = await revokeClientGrants(deps, input.clientId);
  await Promise.all([
    deps.blocks.unblock(input.clientId),
    deps.usage.forgetClient(input.clientId),
    deps.documentClients.forget(input.clientId),
  ]);
  await deps.audit({
    orgId: deps.orgId,
    action: 'client.deleted',
    outcome: 'success',
    actor: input.actor.id,
    clientId: input.clientId,
    ip: input.ip,
    details: { clientName: found.client_name ?? null, revokedGrants },
  });
  return 'done';
}

/**
 * Blocks or unblocks a registered client; audited. Blocking also revokes its grants, so that
 * tokens it already holds stop working at once rather than when they expire.
 */
export async function setClientBlocked(
  deps: ClientRegistryDeps,
  input: { clientId: string; blocked: boolean; actor: User; ip: string },
): Promise<ClientChangeOutcome> {
  const found = await findRegistered(deps, input.clientId);
  if (typeof found === 'string') return found;
  let revokedGrants = 0;
  if (input.blocked) {
    await deps.blocks.block(input.clientId, input.actor.id);
    revokedGrants = await revokeClientGrants(deps, input.clientId);
  } else {
    await deps.blocks.unblock(input.clientId);
  }
  await deps.audit({
    orgId: deps.orgId,
    action: input.blocked ? 'client.blocked' : 'client.unblocked',
    outcome: 'success',
    actor: input.actor.id,
    clientId: input.clientId,
    ip: input.ip,
    details: { clientName: found.client_name ?? null, revokedGrants },
  });
  return 'done';
}
