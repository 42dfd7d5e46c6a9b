import type { Middleware } from 'koa';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { AuditWriter } from '../audit/audit-writer.js';

/**
 * Audits RFC 7009 revocations (`token.revoked`), as oidc-provider middleware that runs after its
 * revocation action: the endpoint answers 200 whatever happened, so only a token oidc-provider
 * actually found and destroyed (it leaves it as a context entity) is recorded. Never the token.
 */
export function auditRevocations(deps: { audit: AuditWriter; orgId: string }): Middleware {
  return async function auditRevocationsMiddleware(ctx, next) {
    await next();
    const { oidc } = ctx as Partial<KoaContextWithOIDC>;
    if (oidc?.route !== 'revocation' || ctx.status !== 200) return;
    const token = oidc.entities.AccessToken ?? oidc.entities.RefreshToken;
    if (token === undefined) return;
    void deps.audit({
      orgId: deps.orgId,
      action: 'token.revoked',
      outcome: 'success',
      actor: token.accountId ?? token.clientId ?? null,
      clientId: token.clientId ?? null,
      ip: ctx.ip,
      details: { tokenType: token.kind, grantId: token.grantId ?? null },
    });
  };
}
