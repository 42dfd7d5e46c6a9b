import { isHostAllowed } from '@gatehouse/policy';
import type { Middleware } from 'koa';
import { HEALTH_PATHS } from './health-routes.js';
import { RequestError } from './request-error.js';

/**
 * DNS-rebinding defence (DESIGN.md §6): answers only for the hosts this server is (its URL's
 * authority, its loopback aliases, configured extras: `defaultAllowedHosts`). A foreign `Host`
 * raises **421 Misdirected Request**: the request reached a server that does not serve that
 * authority, which is exactly what a rebound DNS name produces (403 would say "you may not",
 * but the client did nothing wrong except point a name at us). It also keeps a forged `Host`
 * from reaching code that builds URLs from it (oidc-provider's discovery and redirects).
 * Health checks answer on any host, for load balancers and container probes.
 */
export function hostGuard(options: { allowedHosts: readonly string[] }): Middleware {
  return async function hostGuardMiddleware(ctx, next) {
    if (HEALTH_PATHS.includes(ctx.path)) return next();
    if (!isHostAllowed(ctx.host, options.allowedHosts)) {
      throw new RequestError(
        421,
        'misdirected_request',
        'This server does not serve the host this request names.',
      );
    }
    return next();
  };
}
