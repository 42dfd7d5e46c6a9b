import { isSameResource } from '@gatehouse/policy';
import type { Middleware } from 'koa';

/**
 * Grants are stored under the resource indicator as the client spelled it. A client that asks
 * for `HTTP://LOCALHOST:4001/mcp/` once and the canonical URL the next time would otherwise split
 * its remembered consent (and its refreshes) in two. At the authorization endpoint, any spelling
 * of our resource becomes the canonical one; other values pass untouched to be refused.
 */
export function canonicalResource(options: { path: string; resourceUrl: string }): Middleware {
  return async function canonicalResourceMiddleware(ctx, next) {
    if (ctx.path !== options.path || ctx.method !== 'GET') return next();
    const params = new URLSearchParams(ctx.querystring);
    const resources = params.getAll('resource');
    if (
      resources.some(
        (value) => value !== options.resourceUrl && isSameResource(value, options.resourceUrl),
      )
    ) {
      params.delete('resource');
      for (const value of resources) {
        params.append(
          'resource',
          isSameResource(value, options.resourceUrl) ? options.resourceUrl : value,
        );
      }
      ctx.querystring = params.toString();
    }
    return next();
  };
}
