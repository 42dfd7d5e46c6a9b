import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { type AuditRecord, requireReadable } from './audit-decode.js';
import { verifyAuditRecords } from './audit-verify.js';
import type { AuditEvent, AuditStore } from './contract.js';
import { parseOrThrow } from './validation.js';

/** Events read per round trip by `audit.scan` unless the caller says otherwise. */
export const AUDIT_SCAN_BATCH_DEFAULT = 200;
/** Largest batch `audit.scan` accepts. */
export const AUDIT_SCAN_BATCH_MAX = 5_000;
/** Events read per round trip by `audit.verify`. */
export const AUDIT_VERIFY_BATCH = 1_000;

const scanOptionsSchema = z.object({
  afterSeq: z.int().nonnegative().optional(),
  batchSize: z.int().min(1).max(AUDIT_SCAN_BATCH_MAX).optional(),
});

/** Reads up to `size` stored records with `seq > afterSeq`, in chain order. */
export type AuditBatchReader = (afterSeq: number, size: number) => Promise<AuditRecord[]>;

/**
 * Walks the chain oldest first in batches. `readBatch(afterSeq, size)` returns up to `size`
 * records with `seq > afterSeq` in chain order; an empty batch ends the walk. Both backends scan
 * through this, so records appended during a scan are picked up the same way.
 */
export async function* scanAuditRecords(
  options: { afterSeq?: number; batchSize?: number } | undefined,
  readBatch: AuditBatchReader,
): AsyncGenerator<AuditRecord> {
  const valid = parseOrThrow(scanOptionsSchema, options ?? {}, 'scan options');
  const size = valid.batchSize ?? AUDIT_SCAN_BATCH_DEFAULT;
  let afterSeq = valid.afterSeq ?? 0;
  for (;;) {
    const batch = await readBatch(afterSeq, size);
    const last = batch[batch.length - 1];
    if (last === undefined) return;
    yield* batch;
    afterSeq = last.seq;
  }
}

async function* readableOnly(records: AsyncIterable<AuditRecord>): AsyncGenerator<AuditEvent> {
  for await (const record of records) yield requireReadable(record);
}

/**
 * `scan` and `verify` of an `AuditStore` over a backend's batch reader: `scan` rejects with
 * `UnreadableDataError` at a row it cannot decode, `verify` reports it as a broken link.
 */
export function createAuditReads(
  readBatch: AuditBatchReader,
  chainKey: () => Promise<KeyObject>,
): Pick<AuditStore, 'scan' | 'verify'> {
  return {
    scan(options) {
      return readableOnly(scanAuditRecords(options, readBatch));
    },
    async verify(options) {
      const key = await chainKey();
      const records = scanAuditRecords({ batchSize: AUDIT_VERIFY_BATCH }, readBatch);
      return verifyAuditRecords(records, key, options);
    },
  };
}
