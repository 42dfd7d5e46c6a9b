import { createStore, type Store, type StoreLogger } from '@gatehouse/store';
import type { DeploymentConfig } from './deployment-config.js';

/** The settings that say which store to open. */
export type StoreSettings = Pick<
  DeploymentConfig,
  'dataDir' | 'redisUrl' | 'redisKeyPrefix' | 'auditChainKey'
>;

/**
 * Opens the store an app's configuration names: Redis when `redisUrl` is set, else SQLite in
 * `dataDir`. Problems the store handles itself go to `logger` (default `console`).
 */
export function openStore(config: StoreSettings, logger?: StoreLogger): Promise<Store> {
  return createStore({
    dataDir: config.dataDir,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    auditChainKey: config.auditChainKey,
    logger,
  });
}
