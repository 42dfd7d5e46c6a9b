// Stack: the SQLite backend on a fresh temporary directory per test; child processes for the
// two-process cases. Nothing else needs to run.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { computeAuditHash, GENESIS_HASH } from './audit-chain.js';
import {
  type AuditCorruption,
  describeStoreContract,
  type StoreHarness,
} from './contract.test-suite.js';
import { toJson } from './json.js';
import { DATABASE_FILE_NAME } from './sqlite/open-database.js';
import { MIGRATIONS } from './sqlite/schema.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';

/** Runs `change` on the database file directly, behind the store's back. */
function behindTheStore(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    change(db);
  } finally {
    db.close();
  }
}

const CORRUPTIONS: Record<AuditCorruption, string> = {
  not_json: `UPDATE audit_events SET details = '{not json' WHERE seq = ?`,
  bad_field: `UPDATE audit_events SET at = 'yesterday' WHERE seq = ?`,
};

async function createSqliteHarness(): Promise<StoreHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-store-'));
  const file = join(dataDir, DATABASE_FILE_NAME);
  const warnings: string[] = [];
  return {
    warnings,
    childConfig: { backend: 'sqlite', file },
    open: (options) =>
      createSqliteStore({
        dataDir,
        logger: { warn: (_, message) => warnings.push(message) },
        ...options,
      }),
    async tamperAuditEvent(seq, details) {
      behindTheStore(file, (db) =>
        db.prepare('UPDATE audit_events SET details = ? WHERE seq = ?').run(toJson(details), seq),
      );
    },
    async corruptAuditEvent(seq, corruption) {
      behindTheStore(file, (db) => db.prepare(CORRUPTIONS[corruption]).run(seq));
    },
    async writeAuditEventsRaw(events) {
      const write = `INSERT OR REPLACE INTO audit_events (seq, org_id, action, outcome, actor,
        client_id, ip, details, at, prev_hash, hash, hash_alg) VALUES (@seq, @orgId, @action,
        @outcome, @actor, @clientId, @ip, @details, @at, @prevHash, @hash, @hashAlg)`;
      behindTheStore(file, (db) => {
        for (const event of events) {
          db.prepare(write).run({ hashAlg: null, ...event, details: toJson(event.details) });
        }
      });
    },
    async truncateAuditChain(lastSeq) {
      behindTheStore(file, (db) =>
        db.prepare('DELETE FROM audit_events WHERE seq > ?').run(lastSeq),
      );
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

  it('migrates a chain written before keying: it still verifies, and new events are keyed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-store-'));
    const content = {
      seq: 1,
      prevHash: GENESIS_HASH,
      orgId: 'org1',
      action: 'auth.sign_in',
      outcome: 'success' as const,
      actor: 'u1',
      clientId: null,
      ip: null,
      details: { before: 'keying' },
      at: 1_000,
    };
    const hash = computeAuditHash({ ...content, hashAlg: 'sha256' });
    behindTheStore(join(dataDir, DATABASE_FILE_NAME), (db) => {
      for (const migration of MIGRATIONS.slice(0, 2)) db.exec(migration);
      db.pragma('user_version = 2');
      db.prepare(
        `INSERT INTO audit_events (seq, org_id, action, outcome, actor, client_id, ip, details,
          at, prev_hash, hash) VALUES (1, 'org1', 'auth.sign_in', 'success', 'u1', NULL, NULL,
          ?, 1000, ?, ?)`,
      ).run(toJson(content.details), GENESIS_HASH, hash);
    });
    const store = await createSqliteStore({ dataDir });
    try {
      expect(await store.audit.verify()).toMatchObject({ ok: true, count: 1, unkeyedCount: 1 });
      const next = await store.audit.append({
        orgId: 'org1',
        action: 'a',
        outcome: 'success',
        actor: null,
      });
      expect(next).toMatchObject({ seq: 2, prevHash: hash, hashAlg: 'hmac-sha256' });
      expect(await store.audit.verify()).toMatchObject({ ok: true, count: 2, unkeyedCount: 1 });
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
