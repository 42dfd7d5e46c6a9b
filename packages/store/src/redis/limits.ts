import type { Redis } from 'ioredis';
import type { RateLimitStore } from '../contract.js';
import { checkKeyParts, checkWindow } from '../validation.js';
import type { RedisKeys } from './keys.js';
import { RATE_LIMIT_HIT } from './scripts.js';

/** Rate limit counters as Redis keys with native TTLs; a hit is one atomic script. */
export function createRedisLimits(redis: Redis, keys: RedisKeys): RateLimitStore {
  return {
    async hit(key, windowSeconds) {
      checkKeyParts({ key });
      checkWindow(windowSeconds);
      const [count, msLeft] = (await RATE_LIMIT_HIT.run(
        redis,
        [keys.rateLimit(key)],
        [windowSeconds * 1000],
      )) as [number, number];
      return { count, resetAt: Date.now() + msLeft };
    },
    async peek(key) {
      checkKeyParts({ key });
      const [count, msLeft] = await redis
        .multi()
        .get(keys.rateLimit(key))
        .pttl(keys.rateLimit(key))
        .exec()
        .then((replies) =>
          (replies ?? []).map(([error, value]) => {
            if (error) throw error;
            return value;
          }),
        );
      if (count === null || count === undefined || Number(msLeft) < 0) return null;
      return { count: Number(count), resetAt: Date.now() + Number(msLeft) };
    },
    async reset(key) {
      checkKeyParts({ key });
      await redis.unlink(keys.rateLimit(key));
    },
  };
}
