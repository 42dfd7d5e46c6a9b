import type { Context, Middleware } from 'koa';
import { RequestError } from './request-error.js';

/** What an error becomes on the wire: status, machine code, a description safe to show. */
export interface WireError {
  status: number;
  code: string;
  description: string;
  retryAfterSeconds?: number | undefined;
}

/** Where the error handler reports what it hides; pino's `logger.error` fits. */
export interface ErrorLogger {
  error(context: Record<string, unknown>, message: string): void;
}

/**
 * Writes the body (and any headers of the app's own) once status, `Cache-Control` and
 * `Retry-After` are set. `error` is what was thrown, for apps whose errors carry more.
 */
export type ErrorResponder = (ctx: Context, wire: WireError, error: unknown) => void;

/** The description of every error whose own is not safe to show. */
export const HIDDEN_ERROR_DESCRIPTION = 'The server could not complete the request.';

const UNKNOWN_ERROR: WireError = {
  status: 500,
  code: 'server_error',
  description: `${HIDDEN_ERROR_DESCRIPTION} Try again in a moment.`,
};

/** Koa's HttpError shape (ctx.throw, body parsers): trusted only when it says `expose`. */
export function isHttpError(
  error: unknown,
): error is { status: number; expose: boolean; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { expose?: unknown }).expose === 'boolean'
  );
}

/** The machine code for an exposed HttpError's status. */
export function httpErrorCode(status: number): string {
  if (status === 413) return 'request_too_large';
  if (status === 415) return 'unsupported_media_type';
  return status >= 500 ? 'server_error' : 'invalid_request';
}

/**
 * `RequestError` → its own wire form (a hidden one logged); exposed HttpError under 500 →
 * Koa's; anything else → a generic 500 and a log line, never its message.
 */
export function toWireError(error: unknown, logger: ErrorLogger, ctx: Context): WireError {
  if (error instanceof RequestError) {
    if (!error.expose) logger.error({ err: error, path: ctx.path }, error.description);
    return {
      status: error.status,
      code: error.code,
      description: error.expose ? error.description : HIDDEN_ERROR_DESCRIPTION,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (isHttpError(error) && error.expose && error.status < 500) {
    return { status: error.status, code: httpErrorCode(error.status), description: error.message };
  }
  logger.error({ err: error, method: ctx.method, path: ctx.path }, 'unhandled error');
  return UNKNOWN_ERROR;
}

/** The OAuth-style JSON body: `{ error, error_description }`. */
export function writeJsonError(ctx: Context, wire: WireError): void {
  ctx.body = { error: wire.code, error_description: wire.description };
}

/**
 * One ordered error handler for an app: every error below it becomes its status, `Cache-Control:
 * no-store`, `Retry-After` when the error says, and a body from `respond` (default: the JSON
 * body). Once the response has started (`ctx.respond === false`, as when a library writes to
 * `ctx.res` itself, or headers sent), an error can only be logged.
 */
export function errorHandler(options: {
  logger: ErrorLogger;
  respond?: ErrorResponder;
}): Middleware {
  const respond = options.respond ?? writeJsonError;
  return async function errorHandlerMiddleware(ctx, next) {
    try {
      await next();
    } catch (error) {
      if (ctx.respond === false || ctx.res.headersSent) {
        options.logger.error({ err: error, path: ctx.path }, 'error after the response started');
        return;
      }
      const wire = toWireError(error, options.logger, ctx);
      ctx.status = wire.status;
      ctx.set('Cache-Control', 'no-store');
      if (wire.retryAfterSeconds !== undefined) {
        ctx.set('Retry-After', String(wire.retryAfterSeconds));
      }
      respond(ctx, wire, error);
    }
  };
}
