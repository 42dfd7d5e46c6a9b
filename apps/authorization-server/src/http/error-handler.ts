import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import { renderErrorPage } from '../views/error-page.js';
import { RequestError } from './errors.js';

interface WireError {
  status: number;
  code: string;
  description: string;
  retryAfterSeconds?: number | undefined;
}

/** Koa's HttpError shape (ctx.throw, body parsers): trusted only when it says `expose`. */
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

function httpCode(status: number): string {
  if (status === 413) return 'request_too_large';
  if (status === 415) return 'unsupported_media_type';
  return status >= 500 ? 'server_error' : 'invalid_request';
}

/** Known error → its own wire form; HttpError → Koa's; anything else → a generic 500 and a log line. */
function toWireError(error: unknown, logger: Logger, ctx: Context): WireError {
  if (error instanceof RequestError) {
    return {
      status: error.status,
      code: error.code,
      description: error.expose ? error.description : 'The server could not complete the request.',
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (isHttpError(error) && error.expose && error.status < 500) {
    return { status: error.status, code: httpCode(error.status), description: error.message };
  }
  logger.error({ err: error, method: ctx.method, path: ctx.path }, 'unhandled error');
  return {
    status: 500,
    code: 'server_error',
    description: 'The server could not complete the request. Try again in a moment.',
  };
}

/** Pages are HTML; everything else (OAuth endpoints, the admin JSON API) answers JSON. */
export function isPageRequest(ctx: Context): boolean {
  return (
    /^\/(interaction|account|admin|logout)(\/|$)/.test(ctx.path) &&
    !ctx.path.startsWith('/admin/api/')
  );
}

/** The account and admin pages are ours to return to; an OAuth flow must restart at the app. */
function nextStepFor(ctx: Context): string | undefined {
  return /^\/(account|admin)(\/|$)/.test(ctx.path)
    ? 'Go back to the previous page, reload it and try again.'
    : undefined;
}

/** One ordered error handler for the app's own routes (oidc-provider renders its own errors). */
export function errorHandler(logger: Logger): Middleware {
  return async function errorHandlerMiddleware(ctx, next) {
    try {
      await next();
    } catch (error) {
      const wire = toWireError(error, logger, ctx);
      ctx.status = wire.status;
      ctx.set('Cache-Control', 'no-store');
      if (wire.retryAfterSeconds !== undefined)
        ctx.set('Retry-After', String(wire.retryAfterSeconds));
      if (isPageRequest(ctx)) {
        ctx.type = 'html';
        ctx.body = renderErrorPage({
          title: wire.status >= 500 ? 'Something went wrong' : 'This request cannot be completed',
          message: wire.description,
          status: wire.status,
          nextStep: nextStepFor(ctx),
        });
      } else {
        ctx.body = { error: wire.code, error_description: wire.description };
      }
    }
  };
}
