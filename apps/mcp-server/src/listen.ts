import { listenApp } from '@gatehouse/server-kit';
import { createMcpServer, type McpServer, type McpServerDeps } from './app.js';
import type { McpConfig } from './env.js';

/** A listening MCP server. */
export interface RunningMcpServer extends McpServer {
  /** The configuration in force, with the real port (and resource URL, when the port was 0). */
  config: McpConfig;
  /** The MCP endpoint's URL (the resource URL). */
  url: string;
}

/**
 * Binds the port first, then builds the app. With `port: 0` (tests) the resource URL becomes
 * `http://<host>:<ephemeral port><path>`, since clients must reach the resource at that URL.
 */
export function listenMcpServer(config: McpConfig, deps: McpServerDeps): Promise<RunningMcpServer> {
  return listenApp(config, async (bound) => {
    const path = new URL(config.resourceUrl).pathname;
    const finalConfig =
      config.port === 0
        ? { ...config, port: bound.port, resourceUrl: `${bound.origin}${path}` }
        : config;
    const built = await createMcpServer(finalConfig, deps);
    return { ...built, config: finalConfig, url: finalConfig.resourceUrl };
  });
}
