import type { KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createAuditEvent, EMPTY_CHAIN_HEAD } from '../audit-chain.js';
import {
  type AuditRecord,
  decodeAuditRecord,
  parseStoredJson,
  requireReadable,
} from '../audit-decode.js';
import { type AuditQueryPlan, planAuditQuery, toAuditPage } from '../audit-query.js';
import { createAuditReads } from '../audit-scan.js';
import type { AuditEventInput, AuditStore } from '../contract.js';
import { toJson } from '../json.js';
import type { SqliteDatabase } from './open-database.js';

/**
 * A row as stored. Column types are what the store writes, not what SQLite guarantees (any
 * column can hold any type after a hand edit), hence `unknown` and the decoding below.
 */
interface AuditRow {
  seq: number;
  org_id: unknown;
  action: unknown;
  outcome: unknown;
  actor: unknown;
  client_id: unknown;
  ip: unknown;
  details: unknown;
  at: unknown;
  prev_hash: unknown;
  hash: unknown;
  /** NULL for events written before the chain was keyed (schema version 3): `sha256`. */
  hash_alg: unknown;
}

/** Decodes a row; `seq` is the INTEGER PRIMARY KEY, so it is always a whole number. */
function toRecord(row: AuditRow): AuditRecord {
  const details = parseStoredJson(row.details);
  if (details === undefined) return { seq: row.seq, unreadable: 'details: not JSON' };
  return decodeAuditRecord(row.seq, {
    seq: row.seq,
    prevHash: row.prev_hash,
    orgId: row.org_id,
    action: row.action,
    outcome: row.outcome,
    actor: row.actor,
    clientId: row.client_id,
    ip: row.ip,
    details,
    at: row.at,
    ...(row.hash_alg === null ? {} : { hashAlg: row.hash_alg }),
    hash: row.hash,
  });
}

/** The WHERE clause and parameters of a query plan; every filter is a bound parameter. */
function whereClause(plan: AuditQueryPlan): { sql: string; params: Record<string, unknown> } {
  const conditions = ['org_id = @orgId'];
  if (plan.actor !== undefined) conditions.push('actor = @actor');
  if (plan.action !== undefined) conditions.push('action = @action');
  if (plan.outcome !== undefined) conditions.push('outcome = @outcome');
  if (plan.from !== undefined) conditions.push('at >= @from');
  if (plan.to !== undefined) conditions.push('at < @to');
  if (plan.beforeSeq !== null) conditions.push('seq < @beforeSeq');
  const { limit, ...params } = plan;
  return { sql: conditions.join(' AND '), params: { ...params, fetch: limit + 1 } };
}

/**
 * The audit chain over `audit_events`; appends run inside `BEGIN IMMEDIATE`. `chainKey`
 * resolves the store's audit chain key (audit-chain-key.ts).
 */
export function createSqliteAudit(
  db: SqliteDatabase,
  chainKey: () => Promise<KeyObject>,
): AuditStore {
  const head = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(`
    INSERT INTO audit_events (seq, org_id, action, outcome, actor, client_id, ip, details, at,
      prev_hash, hash, hash_alg)
    VALUES (@seq, @orgId, @action, @outcome, @actor, @clientId, @ip, @details, @at, @prevHash,
      @hash, @hashAlg)`);
  const batch = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  // One prepared statement per combination of filters, made on first use.
  const queries = new Map<string, Database.Statement<[Record<string, unknown>], AuditRow>>();

  // Read the head and write the next event under one write lock: no two writers, in this
  // process or another, can extend the chain from the same head.
  const appendTx = db.transaction((input: AuditEventInput, key: KeyObject) => {
    const event = createAuditEvent(input, head.get() ?? EMPTY_CHAIN_HEAD, Date.now(), key);
    insert.run({ ...event, details: toJson(event.details) });
    return event;
  });

  return {
    async append(input) {
      return appendTx.immediate(input, await chainKey());
    },
    async query(query) {
      const plan = planAuditQuery(query);
      const where = whereClause(plan);
      let statement = queries.get(where.sql);
      if (statement === undefined) {
        statement = db.prepare<[Record<string, unknown>], AuditRow>(
          `SELECT * FROM audit_events WHERE ${where.sql} ORDER BY seq DESC LIMIT @fetch`,
        );
        queries.set(where.sql, statement);
      }
      const rows = statement.all(where.params);
      return toAuditPage(
        rows.map((row) => requireReadable(toRecord(row))),
        plan.limit,
      );
    },
    ...createAuditReads(
      async (afterSeq, size) => batch.all(afterSeq, size).map(toRecord),
      chainKey,
    ),
  };
}
