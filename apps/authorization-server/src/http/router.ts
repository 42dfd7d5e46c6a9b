import Router from '@koa/router';

/**
 * Every page router is created here, case-sensitive: @koa/router matches routes in any case
 * but runs prefix middleware (the session, admin and CSRF guards) only on the exact case, so a
 * case-insensitive router would let `/Admin/...` reach a handler with no guard in front of it.
 */
export function createPageRouter(prefix: string): Router {
  return new Router({ prefix, sensitive: true });
}
