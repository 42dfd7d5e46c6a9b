import { createLogger, openStore, runMain } from '@gatehouse/server-kit';
import { parseMcpConfig } from './env.js';
import { listenMcpServer } from './listen.js';

/** Wires configuration, store and listener; everything else lives in `createMcpServer`. */
void runMain({
  failureMessage: 'The MCP server could not start:',
  async start() {
    const config = parseMcpConfig();
    const logger = createLogger({ level: config.logLevel, name: 'mcp-server' });
    const store = await openStore(config, logger);
    const server = await listenMcpServer(config, { store, logger });
    logger.info(
      { resource: server.url, authorizationServer: config.asIssuer, store: store.backend },
      'MCP server listening',
    );
    return {
      logger,
      async stop() {
        await server.close();
        await store.close();
      },
    };
  },
});
