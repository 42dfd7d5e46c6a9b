import type { Redis } from 'ioredis';
import type { EventChannel } from '../contract.js';
import { createEventFanout, parseStoreEvent, serializeStoreEvent } from '../event-fanout.js';
import type { StoreLogger } from '../logger.js';
import { closeRedis, reportOutages } from './connection.js';
import type { RedisKeys } from './keys.js';

/**
 * The events channel over Redis pub/sub on `${prefix}events`. A connection in subscriber mode
 * can do nothing else, so the first `subscribe` creates a duplicate connection for it; ioredis
 * re-subscribes it after a reconnect. Pub/sub keeps nothing: events published while this store
 * is not (yet) subscribed, e.g. in the few milliseconds before SUBSCRIBE is confirmed or during
 * an outage, are not delivered to it. The channel is for cache invalidation, not a log.
 */
export function createRedisEvents(
  redis: Redis,
  keys: RedisKeys,
  logger: StoreLogger,
  redisUrl: string,
) {
  const channelName = keys.eventsChannel;
  let subscriber: Redis | undefined;

  function createSubscriber(): Redis {
    const connection = redis.duplicate();
    reportOutages(connection, logger, redisUrl);
    connection.on('message', (channel: string, message: string) => {
      if (channel !== channelName) return;
      const event = parseStoreEvent(message);
      if (event !== null) fanout.emit(event);
    });
    return connection;
  }

  const fanout = createEventFanout(logger, {
    onFirstListener() {
      subscriber ??= createSubscriber();
      subscriber.subscribe(channelName).catch((error: unknown) => {
        logger.warn({ err: error, channel: channelName }, 'subscribing to store events failed');
      });
    },
    onLastListenerGone() {
      subscriber?.unsubscribe(channelName).catch((error: unknown) => {
        logger.warn({ err: error, channel: channelName }, 'unsubscribing from store events failed');
      });
    },
  });

  const channel: EventChannel = {
    async publish(event) {
      await redis.publish(channelName, serializeStoreEvent(event));
    },
    subscribe: (listener) => fanout.subscribe(listener),
  };

  return {
    channel,
    async close(): Promise<void> {
      fanout.clear();
      if (subscriber !== undefined) await closeRedis(subscriber);
    },
  };
}
