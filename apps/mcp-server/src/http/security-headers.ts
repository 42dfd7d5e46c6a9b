import type { Middleware } from 'koa';

/**
 * Headers for every response. This server answers JSON only: nothing may be framed, sniffed as
 * something else, or leak the URL onward. Responses carry credentials-derived data, so they are
 * not stored unless a route says otherwise (the public metadata does).
 */
export function securityHeaders(): Middleware {
  return async function securityHeadersMiddleware(ctx, next) {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cache-Control', 'no-store');
    await next();
  };
}

/** Anything no route answered: a JSON 404 rather than Koa's plain text. */
export function notFound(): Middleware {
  return async function notFoundMiddleware(ctx) {
    ctx.status = 404;
    ctx.body = { error: 'not_found', error_description: 'Nothing is served at this path.' };
  };
}
