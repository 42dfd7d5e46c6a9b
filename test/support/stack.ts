import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AsConfig,
  DEFAULT_RATE_LIMITS,
  listenAuthorizationServer,
  parseAsConfig,
  type RateLimits,
  type RunningAuthorizationServer,
} from '@gatehouse/authorization-server';
import {
  createMcpServer,
  listenMcpServer,
  type McpConfig,
  type McpServer,
  parseMcpConfig,
  type RunningMcpServer,
} from '@gatehouse/mcp-server';
import { createLogger } from '@gatehouse/server-kit';
import { createStore, type Store } from '@gatehouse/store';
import { seedDemoOrg } from '@gatehouse/workspace';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';

export type Backend = 'sqlite' | 'redis';

export const DEMO_PASSWORD = 'demo-password-for-tests';
/**
 * The audit chain key every test store is opened with (AUDIT_CHAIN_KEY: base64url, 32 bytes),
 * so that processes the tests start (`pnpm audit:verify`) can be given the same one.
 */
export const TEST_AUDIT_CHAIN_KEY = Buffer.alloc(32, 0x5a).toString('base64url');
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
  /** Where the backend keeps its data, for tests that reach behind the store (tampering). */
  dataDir: string;
  /** The Redis key prefix (unused on SQLite). */
  redisKeyPrefix: string;
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
  const store = await createStore({
    ...(backend === 'redis' ? { dataDir, redisUrl: REDIS_URL, redisKeyPrefix } : { dataDir }),
    auditChainKey: TEST_AUDIT_CHAIN_KEY,
  });
  await seedDemoOrg({ records: store.records, users: store.users }, { password: DEMO_PASSWORD });
  return {
    store,
    backend,
    dataDir,
    redisKeyPrefix,
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

/**
 * Tests sign in and register many times from 127.0.0.1 on one store, so the per-IP limits are
 * raised; the per-account failure limits stay as in production. Throttling tests pass their own.
 */
export const TEST_RATE_LIMITS: RateLimits = {
  ...DEFAULT_RATE_LIMITS,
  loginPerIp: { points: 10_000, windowSeconds: 900 },
  openRegistrationPerIp: { points: 10_000, windowSeconds: 3600 },
};

/** What `useAuthorizationServer` gives a test file: filled in before its first test runs. */
export interface AuthorizationServerFixture {
  testStore: TestStore;
  as: RunningAuthorizationServer;
  /** The running server's issuer URL. */
  issuer: string;
}

/**
 * A fresh seeded store and an authorization server over it for the tests of one file or
 * `describe` block: opened before them, closed and removed after them.
 */
export function useAuthorizationServer(
  options: {
    backend?: Backend;
    /** Runs on the store before the server starts (extra users, settings). */
    prepare?: (store: Store) => Promise<void>;
    server?: Parameters<typeof startAuthorizationServer>[1];
  } = {},
): AuthorizationServerFixture {
  const fixture = {} as AuthorizationServerFixture;
  beforeAll(async () => {
    fixture.testStore = await openTestStore(options.backend ?? 'sqlite');
    await options.prepare?.(fixture.testStore.store);
    fixture.as = await startAuthorizationServer(fixture.testStore.store, options.server);
    fixture.issuer = fixture.as.url;
  });
  afterAll(async () => {
    await fixture.as?.close();
    await fixture.testStore?.dispose();
  });
  return fixture;
}

export async function startAuthorizationServer(
  store: Store,
  options: { config?: Partial<AsConfig>; rateLimits?: RateLimits; fetch?: typeof fetch } = {},
): Promise<RunningAuthorizationServer> {
  const config = testAsConfig(options.config);
  const logger = createLogger({ level: config.logLevel, name: 'authorization-server-test' });
  return listenAuthorizationServer(config, {
    store,
    logger,
    rateLimits: options.rateLimits ?? TEST_RATE_LIMITS,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}

/** The MCP server's test configuration: ephemeral port, quiet logs. */
export function testMcpConfig(overrides: Partial<McpConfig> = {}): McpConfig {
  return {
    ...parseMcpConfig({
      NODE_ENV: 'test',
      MCP_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    }),
    ...overrides,
  };
}

/**
 * Starts the MCP server on its own ephemeral port, pointing at `asIssuer`. Its resource URL is
 * `http://127.0.0.1:<port>/mcp`, so an authorization server started before it issues tokens for
 * some other audience: use this for audience-mismatch and outage tests, `startStack` otherwise.
 */
export async function startMcpServer(
  store: Store,
  options: { asIssuer: string; config?: Partial<McpConfig> },
): Promise<RunningMcpServer> {
  const config = testMcpConfig({ asIssuer: options.asIssuer, ...options.config });
  const logger = createLogger({ level: config.logLevel, name: 'mcp-server-test' });
  return listenMcpServer(config, { store, logger });
}

/** Both servers over one store, the authorization server issuing tokens for the MCP server. */
export interface TestStack {
  as: RunningAuthorizationServer;
  mcp: McpServer;
  /** The MCP endpoint (the protected resource). */
  mcpUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the authorization server and the MCP server over `store`. The MCP server's port is
 * bound first, so that the authorization server can be told its real resource URL (each needs
 * the other's URL), then the MCP app is built and attached to that listener.
 */
export async function startStack(
  store: Store,
  options: { mcpConfig?: Partial<McpConfig> } = {},
): Promise<TestStack> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const mcpUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/mcp`;
  const as = await startAuthorizationServer(store, { config: { mcpResourceUrl: mcpUrl } });
  const config = testMcpConfig({ resourceUrl: mcpUrl, asIssuer: as.url, ...options.mcpConfig });
  const logger = createLogger({ level: config.logLevel, name: 'mcp-server-test' });
  const mcp = await createMcpServer(config, { store, logger });
  listener.on('request', mcp.app.callback());
  return {
    as,
    mcp,
    mcpUrl,
    async close() {
      await mcp.close();
      await new Promise<void>((resolve) => {
        listener.close(() => resolve());
        listener.closeAllConnections();
      });
      await as.close();
    },
  };
}
