import type { RateLimitStore } from '@gatehouse/store';

/**
 * Fixed-window rate limiting over the store's shared counters, so every instance of the server
 * counts together (SQLite file or Redis). Routes depend on this interface only.
 */
export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit; refuses once the window holds more than `points` hits. */
  consume(key: string): Promise<RateLimitResult>;
  /** Whether the key is over its limit now, without counting a hit. */
  check(key: string): Promise<RateLimitResult>;
  reset(key: string): Promise<void>;
}

export interface RateLimit {
  points: number;
  windowSeconds: number;
}

function verdict(count: number, resetAt: number, points: number, now: number): RateLimitResult {
  if (count <= points) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
}

/** A limiter whose keys are `${name}:${key}` in the store's counters. */
export function createRateLimiter(
  limits: RateLimitStore,
  name: string,
  limit: RateLimit,
): RateLimiter {
  const storeKey = (key: string) => `${name}:${key}`;
  return {
    async consume(key) {
      const hit = await limits.hit(storeKey(key), limit.windowSeconds);
      return verdict(hit.count, hit.resetAt, limit.points, Date.now());
    },
    async check(key) {
      const window = await limits.peek(storeKey(key));
      // Reaching the limit already locks: the next attempt would be one too many.
      return window === null
        ? { allowed: true, retryAfterSeconds: 0 }
        : verdict(window.count + 1, window.resetAt, limit.points, Date.now());
    },
    async reset(key) {
      await limits.reset(storeKey(key));
    },
  };
}
