/**
 * Fixed-window rate limiting. The interface is what routes depend on; the memory implementation
 * counts per process, which is what one instance needs and a safe lower bound for several.
 */
export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window resets; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  consume(key: string): Promise<RateLimitResult>;
  reset(key: string): Promise<void>;
}

/** Above this many tracked keys, expired windows are swept before a new key is added. */
const MAX_TRACKED_KEYS = 50_000;

export function createMemoryRateLimiter(options: {
  points: number;
  windowSeconds: number;
  now?: () => number;
}): RateLimiter {
  const now = options.now ?? Date.now;
  const windowMs = options.windowSeconds * 1000;
  const windows = new Map<string, { count: number; resetAt: number }>();

  function sweep(at: number): void {
    for (const [key, window] of windows) if (window.resetAt <= at) windows.delete(key);
  }

  return {
    async consume(key) {
      const at = now();
      let window = windows.get(key);
      if (window === undefined || window.resetAt <= at) {
        if (windows.size >= MAX_TRACKED_KEYS) sweep(at);
        window = { count: 0, resetAt: at + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      const allowed = window.count <= options.points;
      return {
        allowed,
        remaining: Math.max(0, options.points - window.count),
        retryAfterSeconds: allowed ? 0 : Math.ceil((window.resetAt - at) / 1000),
      };
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
