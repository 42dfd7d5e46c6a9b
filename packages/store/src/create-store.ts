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
  /**
   * The audit chain key (`AUDIT_CHAIN_KEY`): base64url of at least 32 random bytes, e.g.
   * `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))"`.
   * Every new audit event's hash is an HMAC-SHA256 under it, so no one without it can rewrite
   * an event and recompute the chain. Keep it outside the store (environment, secret manager)
   * and give every process on the store (both apps, `pnpm audit:verify`) the same one.
   *
   * Unset, the store generates a key on first use and keeps it in its own key material
   * (`audit-chain-key`). That key lives beside the events, so it protects only against
   * accidental edits, not against someone who can write the store: production must set one.
   * Switching from the generated key to a configured one (or changing keys) makes earlier keyed
   * events fail verification; there is no rotation.
   */
  auditChainKey?: string;
}

/**
 * Opens the store the config asks for: Redis when `redisUrl` is set, else SQLite in `dataDir`.
 * Rejects with `StoreOpenError` naming the problem (unwritable directory, Redis unreachable),
 * or with `InvalidArgumentError` for a malformed `auditChainKey`.
 */
export function createStore(config: StoreConfig): Promise<Store> {
  if (config.redisUrl) {
    return createRedisStore({
      url: config.redisUrl,
      keyPrefix: config.redisKeyPrefix,
      logger: config.logger,
      auditChainKey: config.auditChainKey,
    });
  }
  return createSqliteStore({
    dataDir: config.dataDir,
    logger: config.logger,
    auditChainKey: config.auditChainKey,
  });
}
