import { Redis, type RedisOptions } from 'ioredis';
import { StoreOpenError } from '../errors.js';
import type { StoreLogger } from '../logger.js';

/** How long opening the store waits for Redis to connect and answer a PING: 2 s by default. */
export const CONNECT_TIMEOUT_MS_DEFAULT = 2_000;
/** How long any command waits for its reply before it rejects: 5 s. */
export const COMMAND_TIMEOUT_MS = 5_000;
/** Longest pause between two reconnection attempts: 1 s. */
export const RECONNECT_DELAY_MAX_MS = 1_000;
/** How long `close()` waits for QUIT to be answered before dropping the connection: 1 s. */
const QUIT_TIMEOUT_MS = 1_000;

/**
 * The ioredis settings every connection uses.
 *
 * - `enableOfflineQueue: true`: a command issued while the connection is being re-established
 *   waits for it instead of failing at once, so a blip (Redis restart, failover) costs latency,
 *   not errors. It is bounded by the next two settings.
 * - `maxRetriesPerRequest: 1`: a waiting command fails after one more failed reconnection
 *   attempt, so while Redis is down `ping()` and every method reject within about a second
 *   (or `connectTimeout` when packets are dropped) rather than hanging.
 * - `commandTimeout`: a command on a connection that is up but stuck rejects after 5 s.
 * - `retryStrategy`: keep reconnecting in the background for ever, backing off to 1 s.
 */
export function redisClientOptions(connectTimeoutMs: number): RedisOptions {
  return {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (attempt: number) => Math.min(attempt * 100, RECONNECT_DELAY_MAX_MS),
  };
}

/** The URL as it may appear in a message or log: any password replaced by `***`. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable Redis URL)';
  }
}

/**
 * Connects and checks Redis answers, within `connectTimeoutMs`. Rejects with `StoreOpenError`
 * naming the (redacted) URL and the reason; a failed attempt leaves no reconnect loop behind.
 */
export async function connectRedis(
  url: string,
  connectTimeoutMs: number,
  logger: StoreLogger,
): Promise<Redis> {
  const client = new Redis(url, redisClientOptions(connectTimeoutMs));
  let lastError: unknown;
  const remember = (error: unknown) => {
    lastError = error;
  };
  client.on('error', remember);
  try {
    await withTimeout(
      client.connect().then(() => client.ping()),
      connectTimeoutMs,
      `no answer within ${connectTimeoutMs} ms`,
    );
  } catch (error) {
    client.disconnect();
    const cause = lastError ?? error;
    throw new StoreOpenError(
      `Redis at ${redactRedisUrl(url)} is unreachable: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  } finally {
    client.off('error', remember);
  }
  reportOutages(client, logger, url);
  return client;
}

/** Logs the first error of each outage (ioredis repeats it on every reconnection attempt). */
export function reportOutages(client: Redis, logger: StoreLogger, url: string): void {
  let reported = false;
  client.on('error', (error: unknown) => {
    if (reported) return;
    reported = true;
    logger.warn({ err: error, redis: redactRedisUrl(url) }, 'Redis connection lost; reconnecting');
  });
  client.on('ready', () => {
    reported = false;
  });
}

/** QUIT politely, but never wait long for a Redis that is gone. Idempotent. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'wait') {
    client.disconnect();
    return;
  }
  try {
    await withTimeout(client.quit(), QUIT_TIMEOUT_MS, 'QUIT timed out');
  } catch {
    // Dropping the connection below is all that is left to do.
  } finally {
    client.disconnect();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a MULTI or pipeline and rejects with the first command error it reports. */
export async function execOrThrow(
  pipeline: ReturnType<Redis['multi']>,
): Promise<Array<[Error | null, unknown]>> {
  const results = (await pipeline.exec()) ?? [];
  for (const [error] of results) if (error) throw error;
  return results;
}
