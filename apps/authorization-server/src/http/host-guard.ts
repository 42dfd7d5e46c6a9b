import { isHostAllowed } from '@gatehouse/policy';
import type { Middleware } from 'koa';
import { RequestError } from './errors.js';

/**
 * Answers only for the hosts this server is (the issuer's, its loopback aliases, configured
 * extras). oidc-provider builds endpoint URLs in discovery and redirects from the request's
 * host, so a forged `Host` (or a rebound DNS name) must never reach it: 421 Misdirected Request.
 * Health checks answer on any host, for load balancers and container probes.
 */
export function hostGuard(options: { allowedHosts: readonly string[] }): Middleware {
  return async function hostGuardMiddleware(ctx, next) {
    if (ctx.path === '/healthz' || ctx.path === '/readyz') return next();
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
