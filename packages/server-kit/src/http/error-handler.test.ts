import type { Middleware } from 'koa';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type ErrorResponder,
  errorHandler,
  HIDDEN_ERROR_DESCRIPTION,
  httpErrorCode,
  isHttpError,
} from './error-handler.js';
import { RequestError } from './request-error.js';
import { type Served, serve } from './test-serve.js';

const GENERIC_500 = `${HIDDEN_ERROR_DESCRIPTION} Try again in a moment.`;

function throwing(error: unknown): Middleware {
  return () => {
    throw error;
  };
}

function httpError(status: number, expose: boolean, message: string): Error {
  return Object.assign(new Error(message), { status, expose });
}

describe('isHttpError and httpErrorCode', () => {
  it.each<[unknown, boolean]>([
    [httpError(400, true, 'bad'), true],
    [{ status: 413, expose: false }, true],
    [{ status: '400', expose: true }, false],
    [{ status: 400 }, false],
    [new Error('plain'), false],
    [null, false],
    ['text', false],
  ])('isHttpError(%j) → %s', (error, expected) => {
    expect(isHttpError(error)).toBe(expected);
  });

  it.each([
    [400, 'invalid_request'],
    [404, 'invalid_request'],
    [413, 'request_too_large'],
    [415, 'unsupported_media_type'],
    [502, 'server_error'],
  ])('status %i → %s', (status, code) => {
    expect(httpErrorCode(status)).toBe(code);
  });
});

describe('errorHandler', () => {
  let served: Served | undefined;
  const logger = { error: vi.fn() };

  afterEach(async () => {
    await served?.close();
    logger.error.mockReset();
  });

  it.each<[string, unknown, number, Record<string, string>, boolean]>([
    [
      'an exposed RequestError',
      new RequestError(400, 'invalid_request', 'The name is missing.'),
      400,
      { error: 'invalid_request', error_description: 'The name is missing.' },
      false,
    ],
    [
      'a hidden RequestError, logged',
      new RequestError(503, 'temporarily_unavailable', 'Redis is down at 10.0.0.7.'),
      503,
      { error: 'temporarily_unavailable', error_description: HIDDEN_ERROR_DESCRIPTION },
      true,
    ],
    [
      'an exposed HttpError under 500',
      httpError(413, true, 'request entity too large'),
      413,
      { error: 'request_too_large', error_description: 'request entity too large' },
      false,
    ],
    [
      'a hidden HttpError',
      httpError(400, false, 'internal detail'),
      500,
      { error: 'server_error', error_description: GENERIC_500 },
      true,
    ],
    [
      'an unknown error',
      new TypeError('cannot read secret of undefined'),
      500,
      { error: 'server_error', error_description: GENERIC_500 },
      true,
    ],
  ])('answers %s', async (_name, error, status, body, logged) => {
    served = await serve(errorHandler({ logger }), throwing(error));
    const response = await fetch(`${served.url}/x`);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(body);
    expect(logger.error).toHaveBeenCalledTimes(logged ? 1 : 0);
  });

  it('sets Retry-After when the error says how long to wait', async () => {
    const error = new RequestError(429, 'slow_down', 'Too many attempts.', {
      retryAfterSeconds: 30,
    });
    served = await serve(errorHandler({ logger }), throwing(error));
    const response = await fetch(`${served.url}/x`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
  });

  it('lets the app write the body and headers of its own', async () => {
    const respond: ErrorResponder = (ctx, wire, error) => {
      ctx.set('X-Thrown', error instanceof RequestError ? error.code : 'other');
      ctx.type = 'text';
      ctx.body = `${wire.status} ${wire.description}`;
    };
    served = await serve(
      errorHandler({ logger, respond }),
      throwing(new RequestError(403, 'forbidden', 'Not yours.')),
    );
    const response = await fetch(`${served.url}/x`);
    expect(response.headers.get('x-thrown')).toBe('forbidden');
    expect(await response.text()).toBe('403 Not yours.');
  });

  it('only logs an error raised after the response started', async () => {
    const writesItself: Middleware = (ctx) => {
      ctx.respond = false;
      ctx.res.statusCode = 200;
      ctx.res.end('streamed');
      throw new Error('after the fact');
    };
    served = await serve(errorHandler({ logger }), writesItself);
    const response = await fetch(`${served.url}/x`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('streamed');
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ path: '/x' }),
      'error after the response started',
    );
  });
});
