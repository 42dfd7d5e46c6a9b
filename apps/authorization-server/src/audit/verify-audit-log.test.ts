// Stack: a SQLite store in a temporary directory for the end-to-end cases; the rest feeds
// verification results straight in. The CLI as its own process: test/e2e/audit-verify.test.ts.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditChainVerification, createSqliteStore, type Store } from '@gatehouse/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from './verify-audit-log.js';

const H = (c: string) => c.repeat(64);

/** An audit store whose verification answers `result`. */
const answering = (result: AuditChainVerification) => ({ verify: async () => result });

describe('verifyAuditLog', () => {
  it.each<[string, AuditChainVerification, string[]]>([
    [
      'an intact chain: its length and head',
      { ok: true, count: 3, head: { seq: 3, hash: H('a') }, unkeyedCount: 0 },
      ['Audit chain intact (3 events).', `Head: 3:${H('a')}`],
    ],
    [
      'an intact chain with events from before keying',
      { ok: true, count: 5, head: { seq: 5, hash: H('a') }, unkeyedCount: 2 },
      ['Audit chain intact (5 events).', 'Events 1-2 predate the chain key'],
    ],
  ])('reports %s, exit code 0', async (_, result, fragments) => {
    const report = await verifyAuditLog(answering(result));
    expect(report.exitCode).toBe(0);
    for (const fragment of fragments) expect(report.message).toContain(fragment);
  });

  it.each<[string, AuditChainVerification, string]>([
    [
      'a changed event',
      { ok: false, seq: 2, reason: 'hash_mismatch' },
      'broken at event 2 (hash_mismatch): event 2 does not match its own hash',
    ],
    [
      'a removed event',
      { ok: false, seq: 2, reason: 'sequence_gap' },
      'broken at event 2 (sequence_gap)',
    ],
    [
      'a replaced event',
      { ok: false, seq: 2, reason: 'prev_hash_mismatch' },
      'broken at event 2 (prev_hash_mismatch)',
    ],
    [
      'an event relabelled unkeyed',
      { ok: false, seq: 4, reason: 'unkeyed' },
      'broken at event 4 (unkeyed): event 4 carries a hash made without the chain key',
    ],
    [
      'an unreadable row',
      { ok: false, seq: 3, reason: 'unreadable', detail: 'details: not JSON' },
      'broken at event 3 (unreadable): event 3 cannot be read (details: not JSON)',
    ],
    [
      'a chain cut short',
      {
        ok: false,
        seq: 9,
        reason: 'truncated',
        expected: { seq: 9, hash: H('b') },
        end: { seq: 7, hash: H('c') },
        foundHash: null,
      },
      `Audit chain truncated: expected event 9 with hash ${H('b')}, the chain ends at 7.`,
    ],
    [
      'a chain cut and written on',
      {
        ok: false,
        seq: 9,
        reason: 'truncated',
        expected: { seq: 9, hash: H('b') },
        end: { seq: 12, hash: H('c') },
        foundHash: H('d'),
      },
      `the chain ends at 12. Event 9 holds hash ${H('d')} instead`,
    ],
  ])('reports %s, exit code 1', async (_, result, message) => {
    const report = await verifyAuditLog(answering(result));
    expect(report.exitCode).toBe(1);
    expect(report.message).toContain(message);
  });
});

describe('verifyAuditLog over a store', () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-verify-'));
    const auditChainKey = randomBytes(32).toString('base64url');
    store = await createSqliteStore({ dataDir: dir, logger: { warn() {} }, auditChainKey });
    for (const n of [1, 2, 3]) {
      const event = { orgId: 'demo', action: 'auth.sign_in', outcome: 'success' } as const;
      await store.audit.append({ ...event, actor: 'u1', details: { n } });
    }
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the head, and accepts it back as the expected head', async () => {
    const first = await verifyAuditLog(store.audit);
    const head = /^Head: (\d+):([0-9a-f]{64}) /m.exec(first.message);
    expect(head?.[1]).toBe('3');
    const again = await verifyAuditLog(store.audit, {
      expectHead: { seq: 3, hash: head?.[2] as string },
    });
    expect(again).toEqual(first);
  });

  it('reports an expected head past the end as truncation', async () => {
    const report = await verifyAuditLog(store.audit, { expectHead: { seq: 5, hash: H('e') } });
    expect(report).toMatchObject({ exitCode: 1 });
    expect(report.message).toContain(`expected event 5 with hash ${H('e')}, the chain ends at 3.`);
  });
});
