import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where a listener ended up: the real port, and the `http://` origin that reaches it. */
export interface BoundAddress {
  port: number;
  /** `http://<host>:<port>`; a wildcard host (`0.0.0.0`, `::`) becomes `127.0.0.1`. */
  origin: string;
}

/** What `listenApp` builds and serves: a Koa app (anything with a request callback). */
export interface ServableApp {
  app: { callback(): RequestListener };
  /** Releases what the app holds (subscriptions, timers); the listener is closed after it. */
  close(): Promise<void>;
}

/**
 * The origin a client on this machine uses for a listener bound to `host`: a wildcard address
 * is reached through loopback, and an IPv6 literal goes in brackets.
 */
export function boundOrigin(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

function bind(port: number, host: string): Promise<ReturnType<typeof createServer>> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/**
 * Binds `port` on `host` first, then builds the app, then serves it. Binding first lets
 * `build` learn the real port when `port` is 0 (tests), since a server's own URL (an issuer,
 * a resource URL) must name where it really is. If `build` fails, the port is released. The
 * result is what `build` returned, with `close` also closing the listener and its connections.
 */
export async function listenApp<Built extends ServableApp>(
  options: { port: number; host: string },
  build: (bound: BoundAddress) => Promise<Built>,
): Promise<Built> {
  const server = await bind(options.port, options.host);
  const { port } = server.address() as AddressInfo;
  let built: Built;
  try {
    built = await build({ port, origin: boundOrigin(options.host, port) });
  } catch (error) {
    server.close();
    throw error;
  }
  server.on('request', built.app.callback());
  return {
    ...built,
    async close() {
      await built.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
