import { createLogger, openStore, runMain } from '@gatehouse/server-kit';
import { seedDemoOrg } from '@gatehouse/workspace';
import { parseAsConfig } from './env.js';
import { listenAuthorizationServer } from './listen.js';

/** Wires configuration, store and listener; everything else lives in `createAuthorizationServer`. */
void runMain({
  failureMessage: 'The authorization server could not start:',
  async start() {
    const config = parseAsConfig();
    const logger = createLogger({ level: config.logLevel, name: 'authorization-server' });
    const store = await openStore(config, logger);
    if (config.demoPassword !== undefined) {
      await seedDemoOrg(
        { records: store.records, users: store.users },
        { password: config.demoPassword },
      );
    }
    const server = await listenAuthorizationServer(config, { store, logger });
    logger.info({ issuer: server.url, store: store.backend }, 'authorization server listening');
    return {
      logger,
      async stop() {
        await server.close();
        await store.close();
      },
    };
  },
});
