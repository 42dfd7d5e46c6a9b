import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { REDIS_URL, type TestStore } from './stack.js';

/** The SQLite file inside a data directory (the store's schema.ts documents the name). */
const SQLITE_FILE = 'gatehouse.db';

interface SqliteDriver {
  prepare(sql: string): { run(...params: unknown[]): { changes: number } };
  close(): void;
}

/**
 * The SQLite driver the store itself uses. This package has no SQLite driver of its own, so it
 * borrows the store's (the very one that wrote the file) through the store's package folder.
 */
function openSqlite(file: string): SqliteDriver {
  const storePackage = fileURLToPath(
    new URL('../node_modules/@gatehouse/store/package.json', import.meta.url),
  );
  const Database = createRequire(storePackage)('better-sqlite3') as new (
    path: string,
  ) => SqliteDriver;
  return new Database(file);
}

/**
 * Rewrites who did audit event `seq`, behind the store's back, as someone with write access to
 * the database would to cover their tracks. The event's stored hash is left as it was.
 */
export async function tamperAuditActor(
  testStore: TestStore,
  seq: number,
  actor: string,
): Promise<void> {
  if (testStore.backend === 'sqlite') {
    const db = openSqlite(join(testStore.dataDir, SQLITE_FILE));
    try {
      const { changes } = db
        .prepare('UPDATE audit_events SET actor = ? WHERE seq = ?')
        .run(actor, seq);
      if (changes !== 1) throw new Error(`no audit event ${seq} to tamper with`);
    } finally {
      db.close();
    }
    return;
  }
  const redis = new Redis(REDIS_URL);
  try {
    const key = `${testStore.redisKeyPrefix}audit-event:${seq}`;
    const text = await redis.get(key);
    if (text === null) throw new Error(`no audit event ${seq} to tamper with`);
    await redis.set(key, JSON.stringify({ ...JSON.parse(text), actor }));
  } finally {
    redis.disconnect();
  }
}
