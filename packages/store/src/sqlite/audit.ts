import type Database from 'better-sqlite3';
import { createAuditEvent, EMPTY_CHAIN_HEAD } from '../audit-chain.js';
import { type AuditQueryPlan, planAuditQuery, toAuditPage } from '../audit-query.js';
import { scanAuditEvents } from '../audit-scan.js';
import type { AuditEvent, AuditEventInput, AuditStore } from '../contract.js';
import { fromJson, toJson } from '../json.js';
import type { SqliteDatabase } from './open-database.js';

interface AuditRow {
  seq: number;
  org_id: string;
  action: string;
  outcome: AuditEvent['outcome'];
  actor: string | null;
  client_id: string | null;
  ip: string | null;
  details: string;
  at: number;
  prev_hash: string;
  hash: string;
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    seq: row.seq,
    prevHash: row.prev_hash,
    orgId: row.org_id,
    action: row.action,
    outcome: row.outcome,
    actor: row.actor,
    clientId: row.client_id,
    ip: row.ip,
    details: fromJson(row.details),
    at: row.at,
    hash: row.hash,
  };
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

/** The audit chain over `audit_events`; appends run inside `BEGIN IMMEDIATE`. */
export function createSqliteAudit(db: SqliteDatabase): AuditStore {
  const head = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(`
    INSERT INTO audit_events (seq, org_id, action, outcome, actor, client_id, ip, details, at,
      prev_hash, hash)
    VALUES (@seq, @orgId, @action, @outcome, @actor, @clientId, @ip, @details, @at, @prevHash,
      @hash)`);
  const batch = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  // One prepared statement per combination of filters, made on first use.
  const queries = new Map<string, Database.Statement<[Record<string, unknown>], AuditRow>>();

  // Read the head and write the next event under one write lock: no two writers, in this
  // process or another, can extend the chain from the same head.
  const appendTx = db.transaction((input: AuditEventInput) => {
    const event = createAuditEvent(input, head.get() ?? EMPTY_CHAIN_HEAD, Date.now());
    insert.run({ ...event, details: toJson(event.details) });
    return event;
  });

  return {
    async append(input) {
      return appendTx.immediate(input);
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
      return toAuditPage(statement.all(where.params).map(toEvent), plan.limit);
    },
    scan(options) {
      return scanAuditEvents(options, async (afterSeq, size) =>
        batch.all(afterSeq, size).map(toEvent),
      );
    },
  };
}
