import type { RecordStore } from '@gatehouse/store';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CLIENT_USAGE_KIND, createUsageRecorder, GRANT_USAGE_KIND } from './usage.js';

/** An in-memory RecordStore that counts writes. */
function memoryRecords() {
  const kinds = new Map<string, Map<string, unknown>>();
  const writes: string[] = [];
  const kind = (name: string) => {
    const existing = kinds.get(name);
    if (existing !== undefined) return existing;
    const created = new Map<string, unknown>();
    kinds.set(name, created);
    return created;
  };
  const records = {
    async put(k: string, id: string, value: unknown) {
      writes.push(`${k}/${id}`);
      kind(k).set(id, value);
    },
    async list(k: string) {
      return [...kind(k).values()];
    },
    async delete(k: string, id: string) {
      return kind(k).delete(id);
    },
  } as unknown as RecordStore;
  return { records, writes };
}

describe('createUsageRecorder', () => {
  it('writes a client and a grant record at most once a minute each', async () => {
    let clock = 1_000;
    const { records, writes } = memoryRecords();
    const usage = createUsageRecorder({
      records,
      logger: pino({ level: 'silent' }),
      now: () => clock,
    });
    usage.record('client-1', 'grant-1');
    clock += 30_000;
    usage.record('client-1', 'grant-1');
    usage.record('client-1', 'grant-2');
    clock += 31_000;
    usage.record('client-1', undefined);
    await Promise.resolve();
    expect(writes).toEqual([
      `${CLIENT_USAGE_KIND}/client-1`,
      `${GRANT_USAGE_KIND}/grant-1`,
      `${GRANT_USAGE_KIND}/grant-2`,
      `${CLIENT_USAGE_KIND}/client-1`,
    ]);
    expect(await usage.clientUsage()).toEqual(new Map([['client-1', 62_000]]));
    expect(await usage.grantUsage()).toEqual(
      new Map([
        ['grant-1', 1_000],
        ['grant-2', 31_000],
      ]),
    );
  });

  it('forgets a deleted client', async () => {
    const { records } = memoryRecords();
    const usage = createUsageRecorder({ records, logger: pino({ level: 'silent' }) });
    usage.record('client-1', undefined);
    await Promise.resolve();
    await usage.forgetClient('client-1');
    expect(await usage.clientUsage()).toEqual(new Map());
  });
});
