import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AsConfig,
  createLogger,
  listenAuthorizationServer,
  parseAsConfig,
  type RateLimits,
  type RunningAuthorizationServer,
} from '@gatehouse/authorization-server';
import { createStore, type Store } from '@gatehouse/store';
import { seedDemoOrg } from '@gatehouse/workspace';
import { Redis } from 'ioredis';

export type Backend = 'sqlite' | 'redis';

export const DEMO_PASSWORD = 'demo-password-for-tests';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis server answers; with REQUIRE_REDIS=1 its absence is a failure, not a skip. */
export async function isRedisAvailable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    if (process.env.REQUIRE_REDIS === '1') {
      throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${REDIS_URL}`);
    }
    console.warn(
      `Redis half skipped: no Redis answers at ${REDIS_URL} (set REQUIRE_REDIS=1 to fail instead)`,
    );
    return false;
  } finally {
    client.disconnect();
  }
}

export interface TestStore {
  store: Store;
  backend: Backend;
  /** Closes the store and removes everything the test wrote. */
  dispose(): Promise<void>;
}

async function deleteRedisPrefix(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

/** A fresh, seeded store: a temp SQLite directory, or a random Redis key prefix. */
export async function openTestStore(backend: Backend): Promise<TestStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-test-'));
  const redisKeyPrefix = `gatehouse-test:${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2)}:`;
  const store = await createStore(
    backend === 'redis' ? { dataDir, redisUrl: REDIS_URL, redisKeyPrefix } : { dataDir },
  );
  await seedDemoOrg({ records: store.records, users: store.users }, { password: DEMO_PASSWORD });
  return {
    store,
    backend,
    async dispose() {
      await store.close();
      if (backend === 'redis') await deleteRedisPrefix(redisKeyPrefix);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The authorization server's test configuration: ephemeral port, quiet logs. */
export function testAsConfig(overrides: Partial<AsConfig> = {}): AsConfig {
  return {
    ...parseAsConfig({
      NODE_ENV: 'test',
      AS_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    }),
    demoPassword: DEMO_PASSWORD,
    ...overrides,
  };
}

export async function startAuthorizationServer(
  store: Store,
  options: { config?: Partial<AsConfig>; rateLimits?: RateLimits } = {},
): Promise<RunningAuthorizationServer> {
  const config = testAsConfig(options.config);
  const logger = createLogger({ level: config.logLevel, name: 'authorization-server-test' });
  return listenAuthorizationServer(config, {
    store,
    logger,
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
  });
}
