import type { AuditChainVerification, AuditStore, AuditVerifyOptions } from '@gatehouse/store';

/** What `pnpm audit:verify` reports, and its exit code: 0 intact, 1 broken or truncated. */
export interface AuditVerifyReport {
  exitCode: 0 | 1;
  message: string;
}

type Broken = Extract<AuditChainVerification, { ok: false }>;

function explain(result: Exclude<Broken, { reason: 'truncated' }>): string {
  const { seq } = result;
  switch (result.reason) {
    case 'sequence_gap':
      return `event ${seq} is missing or out of order`;
    case 'prev_hash_mismatch':
      return `event ${seq} does not point at the hash of event ${seq - 1} (an event was removed, inserted or replaced)`;
    case 'hash_mismatch':
      return `event ${seq} does not match its own hash (it was changed after it was written, or AUDIT_CHAIN_KEY is not the key it was written with)`;
    case 'unkeyed':
      return `event ${seq} carries a hash made without the chain key where only keyed hashes may be (after keyed events, or with --require-keyed): it was rewritten by someone without the key`;
    case 'unreadable':
      return `event ${seq} cannot be read (${result.detail}): it was changed behind the store's back`;
    default: {
      const unknown: never = result;
      return `event ${seq}: ${String((unknown as Broken).reason)}`;
    }
  }
}

function describeBreak(result: Broken): string {
  if (result.reason === 'truncated') {
    const { expected, end, foundHash } = result;
    const found =
      foundHash === null
        ? ''
        : ` Event ${expected.seq} holds hash ${foundHash} instead: events from there on were removed and others written in their place, or rewritten.`;
    return `Audit chain truncated: expected event ${expected.seq} with hash ${expected.hash}, the chain ends at ${end.seq}.${found}`;
  }
  return `Audit chain broken at event ${result.seq} (${result.reason}): ${explain(result)}. Events from ${result.seq} on cannot be trusted.`;
}

function describeIntact(result: Extract<AuditChainVerification, { ok: true }>): string {
  const lines = [
    `Audit chain intact (${result.count} events).`,
    `Head: ${result.head.seq}:${result.head.hash} (record it; pass it as --expect-head next time to detect deleted events)`,
  ];
  if (result.unkeyedCount > 0) {
    lines.push(
      `Events 1-${result.unkeyedCount} predate the chain key (plain SHA-256). If that range grew since the last check, keyed events were relabelled to be rewritten without the key; --expect-head with a recorded head or --require-keyed catches that.`,
    );
  }
  return lines.join('\n');
}

/**
 * Walks the whole audit chain with the store's key, oldest first, and reports the first broken
 * link (an unreadable row included), a truncation against `options.expectHead`, or the head.
 */
export async function verifyAuditLog(
  audit: Pick<AuditStore, 'verify'>,
  options: AuditVerifyOptions = {},
): Promise<AuditVerifyReport> {
  const result = await audit.verify(options);
  if (result.ok) return { exitCode: 0, message: describeIntact(result) };
  return { exitCode: 1, message: describeBreak(result) };
}
