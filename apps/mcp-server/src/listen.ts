import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMcpServer, type McpServer, type McpServerDeps } from './app.js';
import type { McpConfig } from './env.js';

/** A listening MCP server. */
export interface RunningMcpServer extends McpServer {
  /** The configuration in force, with the real port (and resource URL, when the port was 0). */
  config: McpConfig;
  /** The MCP endpoint's URL (the resource URL). */
  url: string;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Binds the port first, then builds the app. With `port: 0` (tests) the resource URL becomes
 * `http://<host>:<ephemeral port><path>`, since clients must reach the resource at that URL.
 */
export async function listenMcpServer(
  config: McpConfig,
  deps: McpServerDeps,
): Promise<RunningMcpServer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const path = new URL(config.resourceUrl).pathname;
  const finalConfig =
    config.port === 0
      ? { ...config, port, resourceUrl: `http://${urlHost(config.host)}:${port}${path}` }
      : config;
  let built: McpServer;
  try {
    built = await createMcpServer(finalConfig, deps);
  } catch (error) {
    server.close();
    throw error;
  }
  server.on('request', built.app.callback());
  return {
    ...built,
    config: finalConfig,
    url: finalConfig.resourceUrl,
    async close() {
      await built.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
