import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditEvent } from '@gatehouse/store';
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

/** Runs `change` on the test store's own storage, behind the store's back. */
async function behindTheStore(
  testStore: TestStore,
  change: { sqlite(db: SqliteDriver): void; redis(redis: Redis, prefix: string): Promise<void> },
): Promise<void> {
  if (testStore.backend === 'sqlite') {
    const db = openSqlite(join(testStore.dataDir, SQLITE_FILE));
    try {
      change.sqlite(db);
    } finally {
      db.close();
    }
    return;
  }
  const redis = new Redis(REDIS_URL);
  try {
    await change.redis(redis, testStore.redisKeyPrefix);
  } finally {
    redis.disconnect();
  }
}

/**
 * Deletes every audit event after `lastSeq` and moves the chain head back to it, as someone
 * covering their tracks would: what is left is a valid, shorter chain.
 */
export async function truncateAuditChain(testStore: TestStore, lastSeq: number): Promise<void> {
  const events = await readChain(testStore);
  const last = events[lastSeq - 1];
  if (last === undefined) throw new Error(`no audit event ${lastSeq} to truncate to`);
  await behindTheStore(testStore, {
    sqlite: (db) => db.prepare('DELETE FROM audit_events WHERE seq > ?').run(lastSeq),
    async redis(redis, prefix) {
      for (const event of events.slice(lastSeq))
        await redis.del(`${prefix}audit-event:${event.seq}`);
      await redis.set(`${prefix}audit-head`, JSON.stringify({ seq: last.seq, hash: last.hash }));
    },
  });
}

/** Canonical JSON as the chain hashes it: keys sorted, no whitespace. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Rewrites who did audit event `seq` and recomputes its hash and every later one, as someone
 * with write access to the store but without AUDIT_CHAIN_KEY would: keyed with a key of their
 * own (`own_key`), or relabelled as plain SHA-256 events from before keying (`unkeyed`).
 */
export async function forgeAuditChain(
  testStore: TestStore,
  seq: number,
  actor: string,
  as: 'own_key' | 'unkeyed',
): Promise<void> {
  const events = await readChain(testStore);
  const forged: AuditEvent[] = [];
  const forgerKey = randomBytes(32);
  let prevHash = events[seq - 2]?.hash ?? '0'.repeat(64);
  for (const event of events.slice(seq - 1)) {
    const { hash: _, ...content } = {
      ...event,
      prevHash,
      actor: event.seq === seq ? actor : event.actor,
      hashAlg: as === 'own_key' ? ('hmac-sha256' as const) : ('sha256' as const),
    };
    const { hashAlg: _unhashed, ...legacy } = content;
    const text = `${prevHash}\n${canonicalJson(as === 'own_key' ? content : legacy)}`;
    const hasher = as === 'own_key' ? createHmac('sha256', forgerKey) : createHash('sha256');
    const hash = hasher.update(text).digest('hex');
    forged.push({ ...content, hash });
    prevHash = hash;
  }
  await writeEvents(testStore, forged);
}

async function readChain(testStore: TestStore): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for await (const event of testStore.store.audit.scan()) events.push(event);
  return events;
}

/** Overwrites stored events in place (and the Redis head when the last one is the head). */
async function writeEvents(testStore: TestStore, events: AuditEvent[]): Promise<void> {
  await behindTheStore(testStore, {
    sqlite(db) {
      const update = db.prepare(
        'UPDATE audit_events SET actor = ?, prev_hash = ?, hash = ?, hash_alg = ? WHERE seq = ?',
      );
      for (const e of events) {
        const hashAlg = e.hashAlg === 'sha256' ? null : e.hashAlg;
        update.run(e.actor, e.prevHash, e.hash, hashAlg, e.seq);
      }
    },
    async redis(redis, prefix) {
      for (const { hashAlg, ...e } of events) {
        const stored = hashAlg === 'sha256' ? e : { ...e, hashAlg };
        await redis.set(`${prefix}audit-event:${e.seq}`, JSON.stringify(stored));
      }
      const last = events[events.length - 1];
      if (last !== undefined) {
        await redis.set(`${prefix}audit-head`, JSON.stringify({ seq: last.seq, hash: last.hash }));
      }
    },
  });
}
