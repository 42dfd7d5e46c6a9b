import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes } from './health-routes.js';
import { type Served, serve } from './test-serve.js';

const never = () => new Promise<void>(() => {});

describe('healthRoutes', () => {
  let served: Served | undefined;
  afterEach(() => served?.close());

  it.each<[string, string, () => Promise<void>, number, unknown]>([
    ['GET', '/healthz', never, 200, { status: 'ok' }],
    ['GET', '/readyz', async () => {}, 200, { status: 'ready' }],
    [
      'GET',
      '/readyz',
      () => Promise.reject(new Error('down')),
      503,
      { status: 'unavailable', reason: 'the store does not answer' },
    ],
    ['GET', '/readyz', never, 503, { status: 'unavailable', reason: 'the store does not answer' }],
  ])('%s %s answers %i', async (method, path, ping, status, body) => {
    served = await serve(healthRoutes(ping, { timeoutMs: 50 }));
    const response = await fetch(`${served.url}${path}`, { method });
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(body);
  });

  it.each([
    ['POST', '/healthz'],
    ['GET', '/healthz/more'],
    ['GET', '/other'],
  ])('passes %s %s on', async (method, path) => {
    served = await serve(healthRoutes(async () => {}));
    expect((await fetch(`${served.url}${path}`, { method })).status).toBe(404);
  });
});
