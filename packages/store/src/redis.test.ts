// Stack: a Redis server at REDIS_URL (default redis://127.0.0.1:6379); each test uses its own
// random key prefix and deletes its keys afterwards. Without a Redis the suite is skipped with
// a printed reason, unless REQUIRE_REDIS=1 (CI), where it fails.
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { describeStoreContract, type StoreHarness } from './contract.test-suite.js';
import { untilSubscribed } from './contract-suite/helpers.js';
import { createStore } from './create-store.js';
import { fromJson, toJson } from './json.js';
import { createKeys } from './redis/keys.js';
import { createRedisStore } from './redis/redis-store.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisRequired = process.env.REQUIRE_REDIS === '1';

/** Why Redis cannot be used, or null when it answers. */
async function redisUnavailableReason(): Promise<string | null> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let lastError: Error | undefined;
  probe.on('error', (error: Error) => {
    lastError = error;
  });
  try {
    await probe.connect();
    await probe.ping();
    return null;
  } catch (error) {
    return `no Redis answered at ${redisUrl} (${(lastError ?? (error as Error)).message})`;
  } finally {
    probe.disconnect();
  }
}

/** Deletes every key under `prefix` (SCAN + UNLINK; the prefix is ours alone). */
async function deleteKeysUnder(client: Redis, prefix: string): Promise<void> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await client.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

async function createRedisHarness(): Promise<StoreHarness> {
  const keyPrefix = `gatehouse-test:${randomUUID()}:`;
  const keys = createKeys(keyPrefix);
  const direct = new Redis(redisUrl);
  const warnings: string[] = [];
  return {
    warnings,
    childConfig: { backend: 'redis', url: redisUrl, keyPrefix },
    open: (options) =>
      createRedisStore({
        url: redisUrl,
        keyPrefix,
        logger: { warn: (_, message) => warnings.push(message) },
        ...options,
      }),
    async tamperAuditEvent(seq, details) {
      const text = await direct.get(keys.auditEvent(seq));
      if (text === null) throw new Error(`no audit event ${seq} to tamper with`);
      await direct.set(keys.auditEvent(seq), toJson({ ...fromJson<object>(text), details }));
    },
    async corruptAuditEvent(seq, corruption) {
      const text = await direct.get(keys.auditEvent(seq));
      if (text === null) throw new Error(`no audit event ${seq} to corrupt`);
      const { action: _, ...withoutAction } = fromJson<Record<string, unknown>>(text);
      const stored = corruption === 'not_json' ? '{not json' : toJson(withoutAction);
      await direct.set(keys.auditEvent(seq), stored);
    },
    async writeAuditEventsRaw(events) {
      for (const event of events)
        await direct.set(keys.auditEvent(Number(event.seq)), toJson(event));
      const last = events[events.length - 1];
      const head = fromJson<{ seq: number } | null>((await direct.get(keys.auditHead)) ?? 'null');
      if (last !== undefined && Number(last.seq) >= (head?.seq ?? 0)) {
        await direct.set(keys.auditHead, toJson({ seq: last.seq, hash: last.hash }));
      }
    },
    async truncateAuditChain(lastSeq) {
      const head = fromJson<{ seq: number }>((await direct.get(keys.auditHead)) ?? '{"seq":0}');
      for (let seq = lastSeq + 1; seq <= head.seq; seq++) await direct.del(keys.auditEvent(seq));
      const last = await direct.get(keys.auditEvent(lastSeq));
      if (last === null) await direct.del(keys.auditHead);
      else {
        const { hash } = fromJson<{ hash: string }>(last);
        await direct.set(keys.auditHead, toJson({ seq: lastSeq, hash }));
      }
    },
    async dispose() {
      await deleteKeysUnder(direct, keyPrefix);
      direct.disconnect();
    },
  };
}

/** A TCP proxy in front of Redis that a test can cut and restore, to simulate an outage. */
function createCuttableProxy() {
  const upstream = new URL(redisUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  return {
    url: () => Object.assign(new URL(redisUrl), { hostname: '127.0.0.1', port: String(port) }).href,
    async start(): Promise<void> {
      server = createServer((client) => {
        const toRedis = tcpConnect(Number(upstream.port || 6379), upstream.hostname);
        track(client);
        track(toRedis);
        client.pipe(toRedis).pipe(client);
        client.on('close', () => toRedis.destroy());
        toRedis.on('close', () => client.destroy());
      });
      await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    },
    async cut(): Promise<void> {
      const closed = new Promise((resolve) => server?.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

function describeConnectionBehaviour(): void {
  it('is what createStore opens when a Redis URL is set', async () => {
    const keyPrefix = `gatehouse-test:${randomUUID()}:`;
    const store = await createStore({ dataDir: '/unused', redisUrl, redisKeyPrefix: keyPrefix });
    const direct = new Redis(redisUrl);
    try {
      expect(store.backend).toBe('redis');
      await store.records.put('issue', 'OPS-1', { title: 't' });
      expect(await direct.hget(`${keyPrefix}records:issue`, 'OPS-1')).toBe('{"title":"t"}');
    } finally {
      await store.close();
      await deleteKeysUnder(direct, keyPrefix);
      direct.disconnect();
    }
  });

  it('rejects ping quickly while Redis is unreachable, and recovers when it is back', async () => {
    const proxy = createCuttableProxy();
    await proxy.start();
    const warnings: string[] = [];
    const store = await createRedisStore({
      url: proxy.url(),
      keyPrefix: `gatehouse-test:${randomUUID()}:`,
      logger: { warn: (_, message) => warnings.push(message) },
    });
    const received: string[] = [];
    store.events.subscribe((event) => received.push(event.type));
    try {
      await untilSubscribed(store);
      await proxy.cut();
      const started = Date.now();
      await expect(store.ping()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(warnings).toContain('Redis connection lost; reconnecting');

      await proxy.start();
      const recovered = async () => {
        for (let attempt = 0; attempt < 50; attempt++) {
          if (
            await store.ping().then(
              () => true,
              () => false,
            )
          )
            return true;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return false;
      };
      expect(await recovered()).toBe(true);
      // The subscriber connection re-subscribes by itself after the outage.
      received.length = 0;
      await untilSubscribed(store);
      expect(received).toContain('settings.changed');
    } finally {
      await store.close();
      await proxy.cut();
    }
  });
}

const unavailable = await redisUnavailableReason();
const skipped = unavailable !== null && !redisRequired;
if (skipped) {
  console.warn(`Redis backend tests SKIPPED: ${unavailable}. Set REQUIRE_REDIS=1 to fail instead.`);
}

describe.skipIf(skipped)(`Redis backend${skipped ? ` (skipped: ${unavailable})` : ''}`, () => {
  if (unavailable !== null) {
    it('needs a Redis server because REQUIRE_REDIS=1', () => {
      expect.fail(`REQUIRE_REDIS=1 but ${unavailable}`);
    });
    return;
  }
  describe('contract', () => {
    describeStoreContract(createRedisHarness);
  });
  describe('connection', () => {
    describeConnectionBehaviour();
  });
});
