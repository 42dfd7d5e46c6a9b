import type { Middleware } from 'koa';

/** The liveness and readiness paths; they answer on any host (load balancers, probes). */
export const HEALTH_PATHS: readonly string[] = ['/healthz', '/readyz'];

/** How long readiness waits for the store before declaring it unreachable, in milliseconds. */
export const READINESS_TIMEOUT_MS = 2_000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * `GET /healthz`: the process is up. `GET /readyz`: it can serve, i.e. `ping` (the store's)
 * resolves within `timeoutMs` (default `READINESS_TIMEOUT_MS`); else 503. Never cached.
 */
export function healthRoutes(
  ping: () => Promise<void>,
  options: { timeoutMs?: number } = {},
): Middleware {
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  return async function healthMiddleware(ctx, next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/healthz') {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { status: 'ok' };
      return;
    }
    if (ctx.path === '/readyz') {
      ctx.set('Cache-Control', 'no-store');
      try {
        await withTimeout(ping(), timeoutMs);
        ctx.body = { status: 'ready' };
      } catch {
        ctx.status = 503;
        ctx.body = { status: 'unavailable', reason: 'the store does not answer' };
      }
      return;
    }
    return next();
  };
}
