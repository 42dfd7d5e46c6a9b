import type { Store } from './contract.js';
import type { StoreLogger } from './logger.js';
import { createRedisStore } from './redis/redis-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';

/** What an app knows about its storage; typically parsed from `DATA_DIR` and `REDIS_URL`. */
export interface StoreConfig {
  /** Directory of the embedded SQLite store (`gatehouse.db` inside); used when no Redis URL. */
  dataDir: string;
  /** When set (and not empty), the Redis backend is used instead of SQLite. */
  redisUrl?: string;
  /** Redis key prefix; default `gatehouse:`. */
  redisKeyPrefix?: string;
  /** Where the store reports problems it handles itself; default `console`. Pino fits. */
  logger?: StoreLogger;
}

/**
 * Opens the store the config asks for: Redis when `redisUrl` is set, else SQLite in `dataDir`.
 * Rejects with `StoreOpenError` naming the problem (unwritable directory, Redis unreachable).
 */
export function createStore(config: StoreConfig): Promise<Store> {
  if (config.redisUrl) {
    return createRedisStore({
      url: config.redisUrl,
      keyPrefix: config.redisKeyPrefix,
      logger: config.logger,
    });
  }
  return createSqliteStore({ dataDir: config.dataDir, logger: config.logger });
}
