import type { Middleware } from 'koa';

/**
 * Headers for every response. No `form-action` directive: browsers apply it to the redirect that
 * follows a form post, and consent must redirect to the client's own (registered) URI.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** One year, in seconds. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function securityHeaders(options: { https: boolean }): Middleware {
  return async function securityHeadersMiddleware(ctx, next) {
    ctx.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (options.https) {
      ctx.set('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
    }
    await next();
  };
}
