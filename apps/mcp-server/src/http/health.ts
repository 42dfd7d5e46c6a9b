import type { Middleware } from 'koa';

/** How long readiness waits for the store before declaring it unreachable, in milliseconds. */
const READINESS_TIMEOUT_MS = 2_000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** `/healthz`: the process is up. `/readyz`: it can serve, i.e. the store answers. */
export function healthRoutes(ping: () => Promise<void>): Middleware {
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
        await withTimeout(ping(), READINESS_TIMEOUT_MS);
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
