import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import { RequestError } from './errors.js';

interface WireError {
  status: number;
  code: string;
  description: string;
  retryAfterSeconds?: number | undefined;
  wwwAuthenticate?: string | undefined;
}

/** Koa's HttpError shape (ctx.throw): trusted only when it says `expose`. */
function isHttpError(
  error: unknown,
): error is { status: number; expose: boolean; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { expose?: unknown }).expose === 'boolean'
  );
}

/** Known error → its own wire form; HttpError → Koa's; anything else → a generic 500 and a log line. */
function toWireError(error: unknown, logger: Logger, ctx: Context): WireError {
  if (error instanceof RequestError) {
    if (!error.expose) logger.error({ err: error, path: ctx.path }, error.description);
    return {
      status: error.status,
      code: error.code,
      description: error.expose ? error.description : 'The server could not complete the request.',
      retryAfterSeconds: error.retryAfterSeconds,
      wwwAuthenticate: error.wwwAuthenticate,
    };
  }
  if (isHttpError(error) && error.expose && error.status < 500) {
    return { status: error.status, code: 'invalid_request', description: error.message };
  }
  logger.error({ err: error, method: ctx.method, path: ctx.path }, 'unhandled error');
  return {
    status: 500,
    code: 'server_error',
    description: 'The server could not complete the request. Try again in a moment.',
  };
}

/**
 * One ordered error handler for the whole app: every error our middleware raises becomes an
 * OAuth-style JSON body `{ error, error_description }` with its status and headers. Once the MCP
 * SDK owns the response (`ctx.respond === false`), an error can only be logged.
 */
export function errorHandler(logger: Logger): Middleware {
  return async function errorHandlerMiddleware(ctx, next) {
    try {
      await next();
    } catch (error) {
      if (ctx.respond === false || ctx.res.headersSent) {
        logger.error({ err: error, path: ctx.path }, 'error after the response started');
        return;
      }
      const wire = toWireError(error, logger, ctx);
      ctx.status = wire.status;
      ctx.set('Cache-Control', 'no-store');
      if (wire.retryAfterSeconds !== undefined) {
        ctx.set('Retry-After', String(wire.retryAfterSeconds));
      }
      if (wire.wwwAuthenticate !== undefined) ctx.set('WWW-Authenticate', wire.wwwAuthenticate);
      ctx.body = { error: wire.code, error_description: wire.description };
    }
  };
}
