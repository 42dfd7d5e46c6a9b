import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from './error-handler.js';
import { hostGuard } from './host-guard.js';
import { type Served, serve } from './test-serve.js';

/** GET with a chosen Host header (fetch will not send one of its own choosing). */
function statusFor(url: string, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('hostGuard', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve(
      errorHandler({ logger: { error() {} } }),
      hostGuard({ allowedHosts: ['mcp.example.com', 'localhost:4001'] }),
      (ctx) => {
        ctx.body = 'served';
      },
    );
  });
  afterAll(() => served.close());

  it.each([
    ['/mcp', 'mcp.example.com', 200],
    ['/mcp', 'MCP.example.com:8443', 200],
    ['/mcp', 'localhost:4001', 200],
    ['/mcp', 'localhost:4002', 421],
    ['/mcp', 'evil.example', 421],
    ['/healthz', 'evil.example', 200],
    ['/readyz', 'evil.example', 200],
  ])('%s with Host %s → %i', async (path, host, status) => {
    expect(await statusFor(served.url, path, host)).toBe(status);
  });
});
