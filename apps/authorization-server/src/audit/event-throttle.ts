/** Above this many remembered keys, stale ones are swept before a new key is added. */
const MAX_TRACKED_KEYS = 50_000;

/**
 * Lets an event through at most once per interval per key, in this process: e.g. one
 * `api_token.used` audit event per token per minute, however many requests it makes.
 */
export interface EventThrottle {
  /** True (and remembers now) when `key` has not passed within the interval. */
  shouldRecord(key: string): boolean;
}

export function createEventThrottle(options: {
  intervalMs: number;
  now?: () => number;
}): EventThrottle {
  const now = options.now ?? Date.now;
  const last = new Map<string, number>();
  return {
    shouldRecord(key) {
      const at = now();
      const previous = last.get(key);
      if (previous !== undefined && at - previous < options.intervalMs) return false;
      if (previous === undefined && last.size >= MAX_TRACKED_KEYS) {
        for (const [k, t] of last) if (at - t >= options.intervalMs) last.delete(k);
      }
      last.set(key, at);
      return true;
    },
  };
}
