import type { Middleware } from 'koa';

/**
 * oidc-provider's router matches paths case-insensitively and with a trailing slash, so
 * `/oauth/REGISTER/` reaches the registration endpoint. Our guards check exact paths; spelling
 * each endpoint's path the canonical way first means no spelling slips past them.
 */
export function canonicalRoutes(paths: readonly string[]): Middleware {
  const canonical = new Map(paths.map((path) => [path.toLowerCase(), path]));
  return async function canonicalRoutesMiddleware(ctx, next) {
    const path = canonical.get(ctx.path.toLowerCase().replace(/\/+$/, ''));
    if (path !== undefined && path !== ctx.path) ctx.path = path;
    return next();
  };
}
