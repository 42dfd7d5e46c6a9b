import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditEvent, createSqliteStore, type Store } from '@gatehouse/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from './verify-audit-log.js';

let dir: string;
let store: Store;
let events: AuditEvent[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-verify-'));
  store = await createSqliteStore({ dataDir: dir, logger: { warn() {} } });
  for (const n of [1, 2, 3]) {
    await store.audit.append({
      orgId: 'demo',
      action: 'auth.sign_in',
      outcome: 'success',
      actor: 'u1',
      details: { n },
    });
  }
  events = [];
  for await (const event of store.audit.scan()) events.push(event);
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** A scan over changed copies of the stored events. */
function scanOf(list: AuditEvent[]) {
  return {
    async *scan() {
      yield* list;
    },
  };
}

describe('verifyAuditLog', () => {
  it('reports an intact chain with its length, exit code 0', async () => {
    expect(await verifyAuditLog(store.audit)).toEqual({
      exitCode: 0,
      message: 'Audit chain intact (3 events).',
    });
  });

  it.each([
    [
      'a changed event',
      () => events.map((e) => (e.seq === 2 ? { ...e, details: { n: 'forged' } } : e)),
      'broken at event 2 (hash_mismatch): event 2 does not match its own hash',
    ],
    [
      'a removed event',
      () => events.filter((e) => e.seq !== 2),
      'broken at event 2 (sequence_gap)',
    ],
    [
      'a replaced event with a fresh hash',
      () => events.map((e) => (e.seq === 2 ? { ...e, prevHash: '0'.repeat(64) } : e)),
      'broken at event 2 (prev_hash_mismatch)',
    ],
  ])('reports the first broken link for %s, exit code 1', async (_name, tamper, message) => {
    const report = await verifyAuditLog(scanOf(tamper()));
    expect(report.exitCode).toBe(1);
    expect(report.message).toContain(message);
  });
});
