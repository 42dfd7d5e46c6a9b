import { accessSync, chmodSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreOpenError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type SqliteDatabase = Database.Database;

/** The database file's name inside the data directory. */
export const DATABASE_FILE_NAME = 'gatehouse.db';

/**
 * How long a statement waits for another process's write lock before failing: 5 s. better-sqlite3
 * is synchronous, so the wait blocks this process's event loop; writes are short, so it is rare.
 */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating when missing) the database file and brings its schema up to date. The
 * directory is created with mode 0700. Rejects with `StoreOpenError` naming the file or
 * directory and the problem.
 */
export function openSqliteDatabase(file: string): SqliteDatabase {
  ensureWritableDirectory(dirname(file));
  let db: SqliteDatabase;
  try {
    db = new Database(file);
    // The file holds signing keys and the introspection secret: owner only. SQLite creates the
    // -wal and -shm files with the database file's permissions.
    if (file !== ':memory:') chmodSync(file, 0o600);
  } catch (error) {
    throw new StoreOpenError(`cannot open SQLite database ${file}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  try {
    configure(db);
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(`cannot prepare SQLite database ${file}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  return db;
}

function ensureWritableDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new StoreOpenError(
      `data directory ${dir} is not a writable directory: ${messageOf(error)}`,
      {
        cause: error,
      },
    );
  }
}

function configure(db: SqliteDatabase): void {
  // The busy timeout first: switching to WAL needs a lock another process may hold.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL: readers never block the writer and two processes can share the file.
  db.pragma('journal_mode = WAL');
  // FULL: a commit survives a power cut, not only a crash; revocations and audit need that.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function migrate(db: SqliteDatabase): void {
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new StoreOpenError(
        `SQLite database schema version ${current} is newer than this code supports (${SCHEMA_VERSION})`,
      );
    }
    for (const migration of MIGRATIONS.slice(current)) db.exec(migration);
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  run.immediate();
}

/** True when `error` is SQLite refusing a duplicate primary key or unique value. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
