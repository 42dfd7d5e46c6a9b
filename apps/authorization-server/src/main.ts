import { createStore } from '@gatehouse/store';
import { seedDemoOrg } from '@gatehouse/workspace';
import { ConfigError, parseAsConfig } from './env.js';
import { listenAuthorizationServer } from './listen.js';
import { createLogger } from './logger.js';

/** Wires configuration, store and listener; everything else lives in `createAuthorizationServer`. */
async function main(): Promise<void> {
  const config = parseAsConfig();
  const logger = createLogger({ level: config.logLevel, name: 'authorization-server' });
  const store = await createStore({
    dataDir: config.dataDir,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    auditChainKey: config.auditChainKey,
  });
  if (config.demoPassword !== undefined) {
    await seedDemoOrg(
      { records: store.records, users: store.users },
      { password: config.demoPassword },
    );
  }
  const server = await listenAuthorizationServer(config, { store, logger });
  logger.info({ issuer: server.url, store: store.backend }, 'authorization server listening');

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
    console.error('The authorization server could not start:', error);
  }
  process.exit(1);
});
