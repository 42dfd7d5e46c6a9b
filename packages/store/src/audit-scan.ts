import { z } from 'zod';
import type { AuditEvent } from './contract.js';
import { parseOrThrow } from './validation.js';

/** Events read per round trip by `audit.scan` unless the caller says otherwise. */
export const AUDIT_SCAN_BATCH_DEFAULT = 200;
/** Largest batch `audit.scan` accepts. */
export const AUDIT_SCAN_BATCH_MAX = 5_000;

const scanOptionsSchema = z.object({
  afterSeq: z.int().nonnegative().optional(),
  batchSize: z.int().min(1).max(AUDIT_SCAN_BATCH_MAX).optional(),
});

/**
 * Walks the chain oldest first in batches. `readBatch(afterSeq, size)` returns up to `size`
 * events with `seq > afterSeq` in chain order; an empty batch ends the walk. Both backends scan
 * through this, so events appended during a scan are picked up the same way.
 */
export async function* scanAuditEvents(
  options: { afterSeq?: number; batchSize?: number } | undefined,
  readBatch: (afterSeq: number, size: number) => Promise<AuditEvent[]>,
): AsyncGenerator<AuditEvent> {
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
