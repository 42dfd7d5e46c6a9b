import { createStore } from '@gatehouse/store';
import { ConfigError, parseMcpConfig } from './env.js';
import { listenMcpServer } from './listen.js';
import { createLogger } from './logger.js';

/** Wires configuration, store and listener; everything else lives in `createMcpServer`. */
async function main(): Promise<void> {
  const config = parseMcpConfig();
  const logger = createLogger({ level: config.logLevel, name: 'mcp-server' });
  const store = await createStore({
    dataDir: config.dataDir,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    auditChainKey: config.auditChainKey,
    logger,
  });
  const server = await listenMcpServer(config, { store, logger });
  logger.info(
    { resource: server.url, authorizationServer: config.asIssuer, store: store.backend },
    'MCP server listening',
  );

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The MCP server could not start:', error);
  }
  process.exit(1);
});
