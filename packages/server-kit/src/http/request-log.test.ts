import type { Middleware } from 'koa';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestLog } from './request-log.js';
import { type Served, serve } from './test-serve.js';

const answers: Record<string, Middleware> = {
  'a Koa body': (ctx) => {
    ctx.status = 201;
    ctx.body = 'made';
  },
  'a response written through ctx.res': (ctx) => {
    ctx.respond = false;
    ctx.res.statusCode = 202;
    ctx.res.end();
  },
  'an error': () => {
    throw new Error('boom');
  },
};

describe('requestLog', () => {
  let served: Served | undefined;
  const logger = { info: vi.fn() };
  afterEach(async () => {
    await served?.close();
    logger.info.mockReset();
  });

  it.each([
    ['a Koa body', 201],
    ['a response written through ctx.res', 202],
    // Logged before Koa turns the error into its 500: apps put their error handler inside.
    ['an error', 404],
  ])('logs %s once, with its path but not its query', async (answer, status) => {
    served = await serve(requestLog(logger), answers[answer] as Middleware);
    await fetch(`${served.url}/items/7?code=secret`, { method: 'PUT' });
    expect(logger.info).toHaveBeenCalledTimes(1);
    const [line, message] = logger.info.mock.calls[0] ?? [];
    expect(message).toBe('request');
    expect(line).toEqual({ method: 'PUT', path: '/items/7', status, ms: expect.any(Number) });
  });
});
