import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa, { type Middleware } from 'koa';

/** A Koa app running `middleware` on an ephemeral loopback port, for the middleware tests. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves `middleware` in order; whatever falls through answers 404, whatever throws 500. */
export async function serve(...middleware: Middleware[]): Promise<Served> {
  const app = new Koa();
  app.silent = true; // errors reaching Koa are part of some tests, not noise to print
  for (const each of middleware) app.use(each);
  const server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
