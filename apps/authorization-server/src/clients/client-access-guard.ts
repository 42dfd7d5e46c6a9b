import type { OrgSettings } from '@gatehouse/policy';
import type { Store } from '@gatehouse/store';
import type { Middleware } from 'koa';
import { renderErrorPage } from '../views/error-page.js';
import type { ClientBlocks } from './client-blocks.js';
import { checkClientDomains, describeDomainRefusal } from './client-domains.js';

function refuse(ctx: Parameters<Middleware>[0], title: string, message: string, details: string) {
  ctx.status = 403;
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = renderErrorPage({
    title,
    message,
    details,
    status: 403,
    nextStep: 'Ask your organization’s admin if you need this app, or use another one.',
  });
}

/**
 * At the authorization endpoint, before oidc-provider: a blocked client, or one whose redirect
 * URIs are not on the org's allowed client domains (registered before the list changed), gets a
 * page that says so, and is never redirected to. oidc-provider has no POST authorization here,
 * and every GET (PAR included) carries `client_id` in the query.
 */
export function clientAccessGuard(options: {
  path: string;
  store: Pick<Store, 'oidc'>;
  blocks: ClientBlocks;
  settings: () => OrgSettings;
}): Middleware {
  return async function clientAccessGuardMiddleware(ctx, next) {
    const clientId = ctx.query.client_id;
    if (ctx.path !== options.path || ctx.method !== 'GET' || typeof clientId !== 'string') {
      return next();
    }
    const [payload, blocked] = await Promise.all([
      options.store.oidc.forModel('Client').find(clientId),
      options.blocks.isBlocked(clientId),
    ]);
    if (blocked) {
      const message =
        'Your organization’s admin has blocked this app, so it cannot connect to your account.';
      return refuse(ctx, 'This app is blocked', message, 'access_denied');
    }
    const uris = Array.isArray(payload?.redirect_uris) ? payload.redirect_uris : [];
    const verdict = checkClientDomains(
      uris.filter((uri): uri is string => typeof uri === 'string'),
      options.settings().allowedClientDomains,
    );
    if (!verdict.allowed) {
      return refuse(
        ctx,
        'This app is not allowed',
        describeDomainRefusal(verdict),
        'unauthorized_client',
      );
    }
    return next();
  };
}
