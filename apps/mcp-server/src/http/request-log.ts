import type { Middleware } from 'koa';
import type { Logger } from 'pino';

/** One line per request: method, path (never the query), status, duration. */
export function requestLog(logger: Logger): Middleware {
  return async function requestLogMiddleware(ctx, next) {
    const started = performance.now();
    try {
      await next();
    } finally {
      logger.info(
        {
          method: ctx.method,
          path: ctx.path,
          status: ctx.respond === false ? ctx.res.statusCode : ctx.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  };
}
