import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { computeAuditHash, EMPTY_CHAIN_HEAD } from './audit-chain.js';
import { parseAuditChainKey } from './audit-chain-key.js';
import { type AuditRecord, isUnreadable } from './audit-decode.js';
import type {
  AuditChainHead,
  AuditChainVerification,
  AuditEvent,
  AuditVerifyOptions,
} from './contract.js';
import { parseOrThrow } from './validation.js';

/**
 * Verifying an audit chain, oldest first from `seq` 1. The first problem found wins:
 * - every event must sit at the next `seq` (`sequence_gap`), decode (`unreadable`), point at
 *   the previous event's hash (`prev_hash_mismatch`) and hash to its own `hash` under the key
 *   (`hash_mismatch`);
 * - unkeyed (`sha256`) events may only come first, before any keyed one, and not at all with
 *   `requireKeyed` (`unkeyed`); otherwise relabelling events as unkeyed would let someone
 *   without the key recompute their hashes. The first keyed event vouches for the unkeyed
 *   prefix before it (its HMAC covers the prefix's last hash). What no rule here can see is the
 *   whole chain relabelled unkeyed: `unkeyedCount` grows to `count`, and `expectHead` (a keyed
 *   head recorded earlier) or `requireKeyed` catch it;
 * - with `expectHead`, the chain must reach that `seq` and hold that hash there (`truncated`),
 *   which is how deleting the newest events shows: a shortened chain is still a valid chain.
 */

const optionsSchema = z.object({
  expectHead: z
    .object({
      seq: z.int().nonnegative(),
      hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits'),
    })
    .optional(),
  requireKeyed: z.boolean().optional(),
});

type Broken = Extract<AuditChainVerification, { ok: false }>;

/** The break at `event` given the chain so far, or null when the link holds. */
function checkLink(
  event: AuditEvent,
  previous: AuditChainHead,
  keyed: { seen: boolean; required: boolean },
  key: KeyObject | undefined,
): Broken | null {
  const { seq } = event;
  if (event.prevHash !== previous.hash) return { ok: false, seq, reason: 'prev_hash_mismatch' };
  if (event.hashAlg === 'sha256' && (keyed.seen || keyed.required)) {
    return { ok: false, seq, reason: 'unkeyed' };
  }
  const { hash, ...content } = event;
  if (computeAuditHash(content, key) !== hash) return { ok: false, seq, reason: 'hash_mismatch' };
  return null;
}

/**
 * The `truncated` result when the chain does not hold `expected`: it ended before reaching it
 * (`foundHash` null) or held another hash there. Null when the expected head was found.
 */
function checkExpectedHead(
  expected: AuditChainHead | undefined,
  end: AuditChainHead,
  foundHash: string | null,
): Broken | null {
  if (expected === undefined || expected.seq === 0 || foundHash === expected.hash) return null;
  return { ok: false, seq: expected.seq, reason: 'truncated', expected, end, foundHash };
}

/** The first problem at `record`, the next one after `previous`, or null. */
function checkRecord(
  record: AuditRecord,
  previous: AuditChainHead,
  keyed: { seen: boolean; required: boolean },
  key: KeyObject | undefined,
): Broken | null {
  const seq = previous.seq + 1;
  if (record.seq !== seq) return { ok: false, seq, reason: 'sequence_gap' };
  if (isUnreadable(record)) {
    return { ok: false, seq, reason: 'unreadable', detail: record.unreadable };
  }
  return checkLink(record, previous, keyed, key);
}

/**
 * Walks decoded records (a backend's own scan) and reports the first broken link, or the head.
 * `key` is needed once a keyed event comes up; without it this rejects with
 * `InvalidArgumentError`. When the expected head's hash differs, the walk goes on to find where
 * the chain ends, and a later break ends it there.
 */
export async function verifyAuditRecords(
  records: AsyncIterable<AuditRecord> | Iterable<AuditRecord>,
  key: KeyObject | undefined,
  options: AuditVerifyOptions = {},
): Promise<AuditChainVerification> {
  const { expectHead, requireKeyed = false } = parseOrThrow(optionsSchema, options, 'options');
  const keyed = { seen: false, required: requireKeyed };
  let previous = EMPTY_CHAIN_HEAD;
  let unkeyedCount = 0;
  let foundHash: string | null = null;
  for await (const record of records) {
    const broken = checkRecord(record, previous, keyed, key);
    if (broken !== null) {
      // Past an expected head that held another hash, the chain effectively ended there.
      const passedWrongHead = foundHash !== null && foundHash !== expectHead?.hash;
      return (
        (passedWrongHead ? checkExpectedHead(expectHead, previous, foundHash) : null) ?? broken
      );
    }
    const event = record as AuditEvent; // checkRecord reports every unreadable record
    if (event.hashAlg === 'sha256') unkeyedCount++;
    else keyed.seen = true;
    if (event.seq === expectHead?.seq) foundHash = event.hash;
    previous = { seq: event.seq, hash: event.hash };
  }
  const head = previous;
  return (
    checkExpectedHead(expectHead, head, foundHash) ?? {
      ok: true,
      count: head.seq,
      head,
      unkeyedCount,
    }
  );
}

/**
 * Walks a whole chain, oldest first from `seq` 1, and reports the first broken link or the
 * head (see above for the rules). `key` is the chain key as configured (`AUDIT_CHAIN_KEY`
 * text); it is needed as soon as a keyed event comes up, and rejects with
 * `InvalidArgumentError` when missing or malformed. A store verifies with its own key through
 * `store.audit.verify()`, which also reports unreadable rows instead of failing on them.
 */
export async function verifyAuditChain(
  events: AsyncIterable<AuditEvent> | Iterable<AuditEvent>,
  options: AuditVerifyOptions & { key?: string } = {},
): Promise<AuditChainVerification> {
  const { key, ...rest } = options;
  return verifyAuditRecords(events, key === undefined ? undefined : parseAuditChainKey(key), rest);
}
