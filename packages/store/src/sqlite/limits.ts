import type { RateLimitHit, RateLimitStore } from '../contract.js';
import { checkKeyParts, checkWindow } from '../validation.js';
import type { SqliteDatabase } from './open-database.js';

interface LimitRow {
  count: number;
  reset_at: number;
}

/** Rate limit counters over the `rate_limits` table; each hit is one `BEGIN IMMEDIATE`. */
export function createSqliteLimits(db: SqliteDatabase): RateLimitStore & { sweepExpired(): void } {
  const select = db.prepare<[string], LimitRow>(
    'SELECT count, reset_at FROM rate_limits WHERE key = ?',
  );
  const upsert = db.prepare(
    'INSERT INTO rate_limits (key, count, reset_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET count = excluded.count, reset_at = excluded.reset_at',
  );
  const remove = db.prepare('DELETE FROM rate_limits WHERE key = ?');
  const sweep = db.prepare('DELETE FROM rate_limits WHERE reset_at <= ?');

  const hitOnce = db.transaction((key: string, windowMs: number, now: number): RateLimitHit => {
    const row = select.get(key);
    const fresh = row === undefined || row.reset_at <= now;
    const hit = fresh
      ? { count: 1, resetAt: now + windowMs }
      : { count: row.count + 1, resetAt: row.reset_at };
    upsert.run(key, hit.count, hit.resetAt);
    return hit;
  });

  return {
    async hit(key, windowSeconds) {
      checkKeyParts({ key });
      checkWindow(windowSeconds);
      return hitOnce.immediate(key, windowSeconds * 1000, Date.now());
    },
    async peek(key) {
      checkKeyParts({ key });
      const row = select.get(key);
      return row === undefined || row.reset_at <= Date.now()
        ? null
        : { count: row.count, resetAt: row.reset_at };
    },
    async reset(key) {
      checkKeyParts({ key });
      remove.run(key);
    },
    sweepExpired() {
      sweep.run(Date.now());
    },
  };
}
