// Stack: the SQLite backend on a fresh temporary directory per test; child processes for the
// two-process cases. Nothing else needs to run.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { describeStoreContract, type StoreHarness } from './contract.test-suite.js';
import { toJson } from './json.js';
import { DATABASE_FILE_NAME } from './sqlite/open-database.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';

async function createSqliteHarness(): Promise<StoreHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-store-'));
  const file = join(dataDir, DATABASE_FILE_NAME);
  const warnings: string[] = [];
  return {
    warnings,
    childConfig: { backend: 'sqlite', file },
    open: () =>
      createSqliteStore({ dataDir, logger: { warn: (_, message) => warnings.push(message) } }),
    async tamperAuditEvent(seq, details) {
      const db = new Database(file);
      try {
        db.prepare('UPDATE audit_events SET details = ? WHERE seq = ?').run(toJson(details), seq);
      } finally {
        db.close();
      }
    },
    async dispose() {
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe('SQLite backend', () => {
  describeStoreContract(createSqliteHarness);

  it('keeps the database file readable by its owner only', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-store-'));
    try {
      const store = await createSqliteStore({ dataDir });
      await store.close();
      expect((await stat(join(dataDir, DATABASE_FILE_NAME))).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
