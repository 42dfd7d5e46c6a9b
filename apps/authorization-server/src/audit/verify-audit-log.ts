import { type AuditChainBreak, type AuditStore, verifyAuditChain } from '@gatehouse/store';

/** What `pnpm audit:verify` reports, and its exit code: 0 intact, 1 broken. */
export interface AuditVerifyReport {
  exitCode: 0 | 1;
  message: string;
}

function explain(reason: AuditChainBreak, seq: number): string {
  switch (reason) {
    case 'sequence_gap':
      return `event ${seq} is missing or out of order`;
    case 'prev_hash_mismatch':
      return `event ${seq} does not point at the hash of event ${seq - 1} (an event was removed, inserted or replaced)`;
    case 'hash_mismatch':
      return `event ${seq} does not match its own hash (it was changed after it was written)`;
    default: {
      const unknown: never = reason;
      return `event ${seq}: ${String(unknown)}`;
    }
  }
}

/** Walks the whole audit chain, oldest first, and reports the first broken link. */
export async function verifyAuditLog(audit: Pick<AuditStore, 'scan'>): Promise<AuditVerifyReport> {
  const result = await verifyAuditChain(audit.scan({ batchSize: 1_000 }));
  if (result.ok) return { exitCode: 0, message: `Audit chain intact (${result.count} events).` };
  return {
    exitCode: 1,
    message: `Audit chain broken at event ${result.seq} (${result.reason}): ${explain(result.reason, result.seq)}. Events from ${result.seq} on cannot be trusted.`,
  };
}
