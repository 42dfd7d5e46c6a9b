import type { EventChannel } from '../contract.js';
import { createEventFanout, parseStoreEvent, serializeStoreEvent } from '../event-fanout.js';
import type { StoreLogger } from '../logger.js';
import type { SqliteDatabase } from './open-database.js';

/** How often a store with subscribers polls the `events` table: 200 ms. */
export const EVENT_POLL_INTERVAL_MS = 200;
/** How long an event row is kept before pruning: 5 minutes, far beyond any poll interval. */
export const EVENT_RETENTION_MS = 5 * 60 * 1000;
/** Rows read per poll query; a poll keeps reading until it has caught up. */
const POLL_BATCH_ROWS = 500;

/**
 * The events channel over the `events` table. `publish` inserts a row; while this store has
 * subscribers it polls for rows after the last seq it saw, starting from the newest row at the
 * moment the first listener subscribed. Every store sharing the file (any process) sees every
 * row, its own included, within one poll interval.
 */
export function createSqliteEvents(db: SqliteDatabase, logger: StoreLogger) {
  const insert = db.prepare('INSERT INTO events (at, payload) VALUES (?, ?)');
  const newest = db.prepare<[], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM events');
  const after = db.prepare<[number, number], { seq: number; payload: string }>(
    'SELECT seq, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const prune = db.prepare('DELETE FROM events WHERE at < ?');

  let lastSeq = 0;
  let timer: NodeJS.Timeout | undefined;

  const fanout = createEventFanout(logger, {
    onFirstListener() {
      lastSeq = (newest.get() as { seq: number }).seq;
      timer = setInterval(poll, EVENT_POLL_INTERVAL_MS);
      timer.unref();
    },
    onLastListenerGone: stopPolling,
  });

  function poll(): void {
    try {
      for (;;) {
        const rows = after.all(lastSeq, POLL_BATCH_ROWS);
        for (const row of rows) {
          lastSeq = row.seq;
          const event = parseStoreEvent(row.payload);
          if (event !== null) fanout.emit(event);
        }
        if (rows.length < POLL_BATCH_ROWS) return;
      }
    } catch (error) {
      logger.warn({ err: error }, 'polling the SQLite events table failed');
    }
  }

  function stopPolling(): void {
    clearInterval(timer);
    timer = undefined;
  }

  const channel: EventChannel = {
    async publish(event) {
      insert.run(Date.now(), serializeStoreEvent(event));
    },
    subscribe: (listener) => fanout.subscribe(listener),
  };

  return {
    channel,
    /** Deletes rows older than the retention; returns how many. */
    pruneOld: (): number => prune.run(Date.now() - EVENT_RETENTION_MS).changes,
    close(): void {
      stopPolling();
      fanout.clear();
    },
  };
}
