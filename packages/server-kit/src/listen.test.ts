import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { describe, expect, it, vi } from 'vitest';
import { boundOrigin, listenApp } from './listen.js';

describe('boundOrigin', () => {
  it.each([
    ['127.0.0.1', 4000, 'http://127.0.0.1:4000'],
    ['localhost', 80, 'http://localhost:80'],
    ['0.0.0.0', 4001, 'http://127.0.0.1:4001'],
    ['::', 4001, 'http://127.0.0.1:4001'],
    ['::1', 5000, 'http://[::1]:5000'],
  ])('%s:%i → %s', (host, port, origin) => {
    expect(boundOrigin(host, port)).toBe(origin);
  });
});

function helloApp(text: string) {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = text;
  });
  return app;
}

/** A free port: bound and released again. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('listenApp', () => {
  it('binds an ephemeral port before building, serves the app, and closes both', async () => {
    const appClose = vi.fn(async () => {});
    const running = await listenApp({ port: 0, host: '127.0.0.1' }, async (bound) => ({
      app: helloApp(`at ${bound.origin}`),
      close: appClose,
      url: bound.origin,
    }));
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.url).not.toBe('http://127.0.0.1:0');
    expect(await (await fetch(running.url)).text()).toBe(`at ${running.url}`);

    await running.close();
    expect(appClose).toHaveBeenCalledTimes(1);
    await expect(fetch(running.url)).rejects.toThrow();
  });

  it('releases the port when building fails', async () => {
    const port = await freePort();
    const failing = listenApp({ port, host: '127.0.0.1' }, async () => {
      throw new Error('no keys');
    });
    await expect(failing).rejects.toThrow('no keys');
    const again = await listenApp({ port, host: '127.0.0.1' }, async (bound) => ({
      app: helloApp('second'),
      close: async () => {},
      port: bound.port,
    }));
    expect(again.port).toBe(port);
    await again.close();
  });

  it('rejects when the port is taken', async () => {
    const first = await listenApp({ port: 0, host: '127.0.0.1' }, async (bound) => ({
      app: helloApp('first'),
      close: async () => {},
      port: bound.port,
    }));
    const build = vi.fn();
    await expect(listenApp({ port: first.port, host: '127.0.0.1' }, build)).rejects.toThrow(
      /EADDRINUSE/,
    );
    expect(build).not.toHaveBeenCalled();
    await first.close();
  });
});
