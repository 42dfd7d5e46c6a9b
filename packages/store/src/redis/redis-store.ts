import { createAuditChainKeySource, parseAuditChainKey } from '../audit-chain-key.js';
import type { Store } from '../contract.js';
import { InvalidArgumentError } from '../errors.js';
import { consoleLogger, type StoreLogger } from '../logger.js';
import { createRedisApiTokens } from './api-tokens.js';
import { createRedisAudit } from './audit.js';
import { CONNECT_TIMEOUT_MS_DEFAULT, closeRedis, connectRedis } from './connection.js';
import { createRedisEvents } from './events.js';
import { createKeys, DEFAULT_KEY_PREFIX } from './keys.js';
import { createRedisLimits } from './limits.js';
import { createRedisOidc } from './oidc.js';
import { createRedisKeyMaterial, createRedisRecords } from './records.js';
import { createRedisSettings } from './settings.js';
import { createRedisUsers } from './users.js';

export interface RedisStoreOptions {
  /** `redis://[:password@]host:port[/db]` or `rediss://…` for TLS. */
  url: string;
  /** Starts every key and the events channel; default `gatehouse:`. Must not be empty. */
  keyPrefix?: string;
  logger?: StoreLogger;
  /** How long opening waits for Redis to answer; default 2 000 ms. */
  connectTimeoutMs?: number;
  /** The audit chain key (`StoreConfig.auditChainKey` says what it is and when to set it). */
  auditChainKey?: string;
}

/**
 * Opens the Redis store for several processes (or machines) sharing one Redis. Connects and
 * checks that Redis answers before resolving; rejects with `StoreOpenError` naming the URL
 * (password redacted) when it does not, within `connectTimeoutMs`. Rejects with
 * `InvalidArgumentError` for an empty `keyPrefix` or a malformed `auditChainKey`.
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<Store> {
  const prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  if (prefix === '') throw new InvalidArgumentError('invalid keyPrefix: must not be empty');
  const configuredKey =
    options.auditChainKey === undefined ? undefined : parseAuditChainKey(options.auditChainKey);
  const logger = options.logger ?? consoleLogger;
  const redis = await connectRedis(
    options.url,
    options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS_DEFAULT,
    logger,
  );
  const keys = createKeys(prefix);
  const events = createRedisEvents(redis, keys, logger, options.url);
  const keyMaterial = createRedisKeyMaterial(redis, keys);

  let closing: Promise<void> | undefined;
  return {
    backend: 'redis',
    oidc: createRedisOidc(redis, keys),
    users: createRedisUsers(redis, keys),
    settings: createRedisSettings(redis, keys),
    apiTokens: createRedisApiTokens(redis, keys, logger),
    audit: createRedisAudit(redis, keys, createAuditChainKeySource(configuredKey, keyMaterial)),
    keys: keyMaterial,
    records: createRedisRecords(redis, keys),
    events: events.channel,
    limits: createRedisLimits(redis, keys),
    async ping() {
      await redis.ping();
    },
    close() {
      closing ??= (async () => {
        await events.close();
        await closeRedis(redis);
      })();
      return closing;
    },
  };
}
