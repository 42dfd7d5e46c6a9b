import { join } from 'node:path';
import { createAuditChainKeySource, parseAuditChainKey } from '../audit-chain-key.js';
import type { Store } from '../contract.js';
import { consoleLogger, type StoreLogger } from '../logger.js';
import { createSqliteApiTokens } from './api-tokens.js';
import { createSqliteAudit } from './audit.js';
import { createSqliteEvents } from './events.js';
import { createSqliteLimits } from './limits.js';
import { createSqliteOidc } from './oidc.js';
import { DATABASE_FILE_NAME, openSqliteDatabase } from './open-database.js';
import { createSqliteKeyMaterial, createSqliteRecords } from './records.js';
import { createSqliteSettings } from './settings.js';
import { createSqliteUsers } from './users.js';

/** How often expired oidc rows are deleted and old event rows pruned: every 60 s. */
export const MAINTENANCE_INTERVAL_MS = 60 * 1000;

/** Where the SQLite store lives: a data directory (file `gatehouse.db` in it) or a file path. */
export type SqliteStoreOptions = ({ dataDir: string } | { file: string }) & {
  logger?: StoreLogger;
  /** The audit chain key (`StoreConfig.auditChainKey` says what it is and when to set it). */
  auditChainKey?: string;
};

/**
 * Opens the embedded store: one SQLite file in WAL mode, safe to share between processes.
 * Creates the directory (mode 0700) and the schema when missing. Rejects with `StoreOpenError`
 * when the directory cannot be written or the file cannot be opened, and with
 * `InvalidArgumentError` for a malformed `auditChainKey` (before opening anything).
 */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const configuredKey =
    options.auditChainKey === undefined ? undefined : parseAuditChainKey(options.auditChainKey);
  const logger = options.logger ?? consoleLogger;
  const file = 'file' in options ? options.file : join(options.dataDir, DATABASE_FILE_NAME);
  const db = openSqliteDatabase(file);
  const oidc = createSqliteOidc(db);
  const events = createSqliteEvents(db, logger);
  const limits = createSqliteLimits(db);
  const keys = createSqliteKeyMaterial(db);

  function maintain(): void {
    try {
      oidc.sweepExpired();
      events.pruneOld();
      limits.sweepExpired();
    } catch (error) {
      logger.warn({ err: error, file }, 'SQLite store maintenance failed');
    }
  }
  maintain();
  const maintenance = setInterval(maintain, MAINTENANCE_INTERVAL_MS);
  maintenance.unref();

  let closed = false;
  return {
    backend: 'sqlite',
    oidc: oidc.store,
    users: createSqliteUsers(db),
    settings: createSqliteSettings(db),
    apiTokens: createSqliteApiTokens(db, logger),
    audit: createSqliteAudit(db, createAuditChainKeySource(configuredKey, keys)),
    keys,
    records: createSqliteRecords(db),
    events: events.channel,
    limits,
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(maintenance);
      events.close();
      db.close();
    },
  };
}
