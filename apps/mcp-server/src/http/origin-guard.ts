/**
 * DNS-rebinding defences (MCP transports spec, DESIGN.md §6): the `Host` a request names and,
 * from browsers, the `Origin` it comes from must be ones this server expects. The `Host` check
 * is the kit's `hostGuard` (421 for every path but health checks); this is the `Origin` check:
 *
 * - A foreign `Origin` answers **403 Forbidden**, as the MCP transports spec requires.
 * - Requests without `Origin` (every non-browser client) pass the origin check.
 */

import { isLoopbackHostname } from '@gatehouse/policy';
import type { Middleware } from 'koa';
import { RequestError } from './errors.js';

/**
 * Whether a browser `Origin` may call the MCP endpoint: any loopback origin (local tools such as
 * the MCP Inspector run on changing ports), the resource's own origin, and configured extras.
 * `null` (sandboxed frames, file pages) is never allowed. An absent Origin is not judged here.
 */
export function isOriginAllowed(
  origin: string,
  resourceUrl: string,
  extra: readonly string[] = [],
): boolean {
  const url = URL.parse(origin);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  if (isLoopbackHostname(url.hostname)) return true;
  if (url.origin === new URL(resourceUrl).origin) return true;
  return extra.some((entry) => URL.parse(entry)?.origin === url.origin);
}

/** Rejects a browser request from a foreign origin (the MCP endpoint only: metadata is public). */
export function originGuard(options: {
  resourceUrl: string;
  allowedOrigins: readonly string[];
}): Middleware {
  return async function originGuardMiddleware(ctx, next) {
    const origin = ctx.get('origin');
    if (origin !== '' && !isOriginAllowed(origin, options.resourceUrl, options.allowedOrigins)) {
      throw new RequestError(
        403,
        'forbidden_origin',
        'Requests from this origin are not allowed. Ask the administrator to allow it.',
      );
    }
    return next();
  };
}
