import { RequestError } from '@gatehouse/server-kit';
import type { Middleware } from 'koa';

function basicClientId(header: string | undefined): string | undefined {
  if (header === undefined || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, separator));
  } catch {
    return undefined;
  }
}

/**
 * Introspection is the resource server's alone (DESIGN.md §4). oidc-provider would answer any
 * authenticated client `{ active: false }`; we refuse everyone else outright, before the token is
 * even looked up. oidc-provider still verifies the secret; `allowedPolicy` checks again.
 */
export function introspectionGuard(options: { path: string; clientId: string }): Middleware {
  return async function introspectionGuardMiddleware(ctx, next) {
    if (ctx.path !== options.path || ctx.method !== 'POST') return next();
    if (basicClientId(ctx.get('authorization') || undefined) !== options.clientId) {
      ctx.set('WWW-Authenticate', 'Basic realm="introspection"');
      throw new RequestError(
        401,
        'invalid_client',
        'Only the resource server may introspect tokens, authenticating with HTTP Basic.',
      );
    }
    return next();
  };
}
