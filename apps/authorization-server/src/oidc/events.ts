import { hashTokenValue, type Store } from '@gatehouse/store';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { UsageRecorder } from '../grants/usage.js';

/**
 * Turns oidc-provider's events into our own: revocations go to the events channel (so every
 * resource server instance drops its cached introspection at once), security-relevant outcomes
 * go to the audit log, token issuance to the clients' "last used", and server errors to the log.
 */
export function wireProviderEvents(
  provider: Provider,
  deps: { store: Store; logger: Logger; audit: AuditWriter; orgId: string; usage: UsageRecorder },
): void {
  const { store, logger, audit, orgId, usage } = deps;
  const publish = (event: Parameters<Store['events']['publish']>[0]) =>
    store.events.publish(event).catch((error: unknown) => {
      logger.error({ err: error, event: event.type }, 'could not publish store event');
    });

  provider.on('grant.revoked', (_ctx: KoaContextWithOIDC, grantId: string) => {
    void publish({ type: 'grant.revoked', grantId });
  });
  // An opaque access token's value is its id.
  provider.on('access_token.destroyed', (token: { jti: string }) => {
    void publish({ type: 'token.revoked', tokenHash: hashTokenValue(token.jti) });
  });
  provider.on('registration_create.success', (ctx: KoaContextWithOIDC, client) => {
    void audit({
      orgId,
      action: 'client.registered',
      outcome: 'success',
      actor: client.clientId,
      clientId: client.clientId,
      ip: ctx.ip,
      details: { clientName: client.clientName ?? null, redirectUris: client.redirectUris ?? [] },
    });
  });
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    const grantType = ctx.oidc.params?.grant_type;
    void audit({
      orgId,
      action: grantType === 'refresh_token' ? 'token.refreshed' : 'token.issued',
      outcome: 'success',
      actor: ctx.oidc.account?.accountId ?? ctx.oidc.client?.clientId ?? null,
      clientId: ctx.oidc.client?.clientId ?? null,
      ip: ctx.ip,
      details: { grantType: typeof grantType === 'string' ? grantType : null },
    });
  });
  // Issuing an access token (code or refresh) is a use of the client and its grant.
  provider.on('access_token.saved', (token: { clientId?: string; grantId?: string }) => {
    if (token.clientId !== undefined) usage.record(token.clientId, token.grantId);
  });
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => {
    logger.error({ err: error }, 'oidc-provider server error');
  });
}
