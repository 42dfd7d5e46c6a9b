import { looksLikeApiToken } from '@gatehouse/policy';
import type { Store } from '@gatehouse/store';
import type { Middleware } from 'koa';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { AuditWriter } from '../audit/audit-writer.js';
import { createEventThrottle } from '../audit/event-throttle.js';
import type { UsageRecorder } from '../grants/usage.js';
import {
  type ApiTokenIntrospection,
  type ApiTokenIntrospectionDeps,
  introspectApiToken,
} from './introspect-api-token.js';

/** At most one `api_token.used` audit event per token and outcome per this many milliseconds. */
export const API_TOKEN_USE_AUDIT_INTERVAL_MS = 60_000;

export interface IntrospectionHookDeps {
  introspection: ApiTokenIntrospectionDeps;
  /** The only client allowed to introspect (the resource server). */
  resourceServerClientId: string;
  store: Pick<Store, 'apiTokens'>;
  audit: AuditWriter;
  usage: UsageRecorder;
  orgId: string;
}

/**
 * API tokens at the one introspection endpoint (DESIGN.md §4), as oidc-provider middleware
 * (`provider.use`) that runs *after* its introspection action.
 *
 * Why after, rather than parsing the body first: oidc-provider reads the request body itself and
 * only falls back to a pre-parsed one with a warning. Running after it means the body is parsed
 * once, by oidc-provider, and everything protocol-level is its own, unchanged: the form
 * content type, duplicate parameters, the `token` presence check, `no-store`, and client
 * authentication (HTTP Basic, the configured or persisted secret compared in constant time).
 * When it has answered `{ active: false }` to the resource server for a `gat_` token, we answer
 * that token instead. A real OAuth token always wins, so a random opaque token that happens to
 * start with `gat_` can never be shadowed. The cost is oidc-provider's own (indexed) lookups of
 * the value as an access and refresh token; the API-token store is consulted only after the
 * format and checksum pass, so a typo never costs an API-token lookup.
 *
 * Also records "last used" for OAuth clients and grants whose access token was active.
 */
export function apiTokenIntrospection(deps: IntrospectionHookDeps): Middleware {
  const throttle = createEventThrottle({ intervalMs: API_TOKEN_USE_AUDIT_INTERVAL_MS });

  function recordUse(result: ApiTokenIntrospection, ip: string): void {
    const record = result.record;
    if (record === undefined) return;
    const at = Date.now();
    if (result.active) void deps.store.apiTokens.touch(record.id, at);
    if (!throttle.shouldRecord(`${record.id}:${result.active ? 'active' : result.reason}`)) return;
    void deps.audit({
      orgId: deps.orgId,
      action: 'api_token.used',
      outcome: result.active ? 'success' : 'denied',
      actor: record.userId,
      clientId: `api-token:${record.id}`,
      ip,
      details: { tokenId: record.id, ...(result.active ? {} : { reason: result.reason }) },
      at,
    });
  }

  return async function apiTokenIntrospectionMiddleware(ctx, next) {
    await next();
    const { oidc } = ctx as Partial<KoaContextWithOIDC>;
    if (oidc?.route !== 'introspection' || ctx.status !== 200) return;
    const answer = ctx.body as { active?: unknown } | undefined;
    if (answer?.active === true) {
      const token = oidc.entities.AccessToken;
      if (token?.clientId) deps.usage.record(token.clientId, token.grantId);
      return;
    }
    const value = oidc.params?.token;
    if (typeof value !== 'string' || !looksLikeApiToken(value)) return;
    if (oidc.client?.clientId !== deps.resourceServerClientId) return;
    const result = await introspectApiToken(deps.introspection, value);
    recordUse(result, ctx.ip);
    ctx.body = result.active ? result.body : { active: false };
  };
}
