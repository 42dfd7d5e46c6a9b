import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppDeps, type AuthorizationServer, createAuthorizationServer } from './app.js';
import type { AsConfig } from './env.js';

export interface RunningAuthorizationServer extends AuthorizationServer {
  /** The configuration in force, with the real port (and issuer, when the port was 0). */
  config: AsConfig;
  url: string;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Binds the port first, then builds the app. With `port: 0` (tests) the issuer becomes
 * `http://<host>:<ephemeral port>`, since an issuer must name where the server really is.
 */
export async function listenAuthorizationServer(
  config: AsConfig,
  deps: AppDeps,
): Promise<RunningAuthorizationServer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const finalConfig =
    config.port === 0
      ? { ...config, port, issuer: `http://${urlHost(config.host)}:${port}` }
      : config;
  let built: AuthorizationServer;
  try {
    built = await createAuthorizationServer(finalConfig, deps);
  } catch (error) {
    server.close();
    throw error;
  }
  server.on('request', built.app.callback());
  return {
    ...built,
    config: finalConfig,
    url: finalConfig.issuer,
    async close() {
      await built.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
