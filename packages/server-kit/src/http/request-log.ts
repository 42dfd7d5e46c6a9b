import type { Middleware } from 'koa';

/** Where request lines go; pino's `logger.info` fits. */
export interface RequestLogger {
  info(context: Record<string, unknown>, message: string): void;
}

/**
 * One line per request, whatever happened below: method, path (never the query: authorization
 * codes and state travel there), status, duration in milliseconds. When a library answered
 * through `ctx.res` itself (`ctx.respond === false`), the status is the one it sent.
 */
export function requestLog(logger: RequestLogger): Middleware {
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
