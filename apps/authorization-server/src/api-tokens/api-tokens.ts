import { randomBytes } from 'node:crypto';
import {
  API_TOKEN_SECRET_BYTES,
  apiTokenHint,
  decideIssuableScopes,
  formatApiToken,
  type OrgSettings,
  RESOURCE_SCOPE_IDS,
} from '@gatehouse/policy';
import { type ApiTokenRecord, hashTokenValue, type Store, type User } from '@gatehouse/store';
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { ApiTokenRequest } from './api-token-form.js';

/** One day, in milliseconds. */
const DAY_MS = 24 * 60 * 60 * 1000;
/** Random bytes in a token record's id: 72 bits, 12 base64url characters. */
const TOKEN_ID_BYTES = 9;

/** What creating and revoking API tokens needs. */
export interface ApiTokenDeps {
  store: Pick<Store, 'apiTokens' | 'events'>;
  audit: AuditWriter;
  logger: Logger;
  orgId: string;
}

/** Where a token stands now, for lists. */
export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

/** The resource scopes the org allows now: what a new API token may be limited to. */
export function allowedApiTokenScopes(settings: OrgSettings): string[] {
  return decideIssuableScopes({ requested: RESOURCE_SCOPE_IDS, settings }).issuable;
}

export function apiTokenStatus(record: ApiTokenRecord, now: number): ApiTokenStatus {
  if (record.revokedAt !== null) return 'revoked';
  return record.expiresAt <= now ? 'expired' : 'active';
}

/**
 * Creates a token for `user`: 32 random bytes in the policy's format, stored only as its hash
 * and a hint. Returns the token itself, which the caller shows exactly once.
 */
export async function createApiToken(
  deps: ApiTokenDeps,
  input: { user: User; request: ApiTokenRequest; ip: string; now?: number },
): Promise<{ token: string; record: ApiTokenRecord }> {
  const token = formatApiToken(randomBytes(API_TOKEN_SECRET_BYTES));
  const now = input.now ?? Date.now();
  const record: ApiTokenRecord = {
    id: `tok_${randomBytes(TOKEN_ID_BYTES).toString('base64url')}`,
    orgId: deps.orgId,
    userId: input.user.id,
    name: input.request.name,
    hash: hashTokenValue(token),
    hint: apiTokenHint(token),
    scopes: input.request.scopes,
    createdAt: now,
    expiresAt: now + input.request.expiresInDays * DAY_MS,
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.apiTokens.create(record);
  await deps.audit({
    orgId: deps.orgId,
    action: 'api_token.created',
    outcome: 'success',
    actor: input.user.id,
    ip: input.ip,
    details: {
      tokenId: record.id,
      name: record.name,
      hint: record.hint,
      scopes: record.scopes,
      expiresAt: record.expiresAt,
    },
  });
  return { token, record };
}

export type RevokeApiTokenOutcome = 'revoked' | 'not_found' | 'already_revoked';

/**
 * Revokes a token of the org; with `ownerId`, only a token of that user (a person on their own
 * account page), so one user can never revoke another's by guessing an id. Tells every process
 * (`api_token.revoked`, so resource servers drop their cached introspection) and audits it.
 */
export async function revokeApiToken(
  deps: ApiTokenDeps,
  input: { tokenId: string; actor: User; ip: string; ownerId?: string },
): Promise<RevokeApiTokenOutcome> {
  const record = await deps.store.apiTokens.findById(input.tokenId);
  if (record === null || record.orgId !== deps.orgId) return 'not_found';
  if (input.ownerId !== undefined && record.userId !== input.ownerId) return 'not_found';
  if (!(await deps.store.apiTokens.revoke(record.id, Date.now()))) return 'already_revoked';
  await deps.store.events
    .publish({ type: 'api_token.revoked', tokenId: record.id, tokenHash: record.hash })
    .catch((error: unknown) => {
      deps.logger.error({ err: error, tokenId: record.id }, 'could not publish api_token.revoked');
    });
  await deps.audit({
    orgId: deps.orgId,
    action: 'api_token.revoked',
    outcome: 'success',
    actor: input.actor.id,
    ip: input.ip,
    details: { tokenId: record.id, name: record.name, ownerId: record.userId },
  });
  return 'revoked';
}
