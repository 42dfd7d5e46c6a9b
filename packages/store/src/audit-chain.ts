import { createHash } from 'node:crypto';
import type { AuditEvent, AuditEventInput } from './contract.js';
import { canonicalJson, copyJson } from './json.js';
import { auditInputSchema, parseOrThrow } from './validation.js';

/**
 * The audit log's hash chain, as pure functions both backends call. Each event's content is
 * every field but `hash`; its hash is `sha256hex(prevHash + '\n' + canonicalJson(content))`,
 * and `prevHash` is the previous event's hash (64 zeros before the first event). Changing any
 * stored field of any event breaks the chain at that event.
 */

/** `prevHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The end of the chain: the last event's `seq` and `hash` (`seq` 0 and zeros when empty). */
export interface AuditChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_CHAIN_HEAD: AuditChainHead = { seq: 0, hash: GENESIS_HASH };

/** Hex SHA-256 of an event's content chained to `content.prevHash`. */
export function computeAuditHash(content: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256')
    .update(`${content.prevHash}\n${canonicalJson(content)}`)
    .digest('hex');
}

/**
 * Validates an append and builds the event that follows `head`. `now` fills in a missing `at`.
 * Rejects with `InvalidArgumentError` for input that does not fit the contract.
 */
export function createAuditEvent(
  input: AuditEventInput,
  head: AuditChainHead,
  now: number,
): AuditEvent {
  const valid = parseOrThrow(auditInputSchema, input, 'audit event');
  const content: Omit<AuditEvent, 'hash'> = {
    seq: head.seq + 1,
    prevHash: head.hash,
    orgId: valid.orgId,
    action: valid.action,
    outcome: valid.outcome,
    actor: valid.actor,
    clientId: valid.clientId ?? null,
    ip: valid.ip ?? null,
    details: copyJson(valid.details ?? {}),
    at: valid.at ?? now,
  };
  return { ...content, hash: computeAuditHash(content) };
}

/** Why a chain is broken at an event. */
export type AuditChainBreak =
  /** The event expected at `seq` is missing, or events are out of order. */
  | 'sequence_gap'
  /** The event's `prevHash` is not the previous event's hash. */
  | 'prev_hash_mismatch'
  /** The event's content does not hash to its stored `hash` (it was changed). */
  | 'hash_mismatch';

export type AuditChainVerification =
  | { ok: true; count: number }
  | { ok: false; seq: number; reason: AuditChainBreak };

/**
 * Walks a whole chain, oldest first from `seq` 1 (e.g. `store.audit.scan()`), and reports the
 * first broken link. `count` is the number of events checked. A chain cut short at its end
 * cannot be told from a shorter chain; compare `count` with an expected length for that.
 */
export async function verifyAuditChain(
  events: AsyncIterable<AuditEvent> | Iterable<AuditEvent>,
): Promise<AuditChainVerification> {
  let previous = EMPTY_CHAIN_HEAD;
  for await (const event of events) {
    const expectedSeq = previous.seq + 1;
    if (event.seq !== expectedSeq) return { ok: false, seq: expectedSeq, reason: 'sequence_gap' };
    if (event.prevHash !== previous.hash) {
      return { ok: false, seq: event.seq, reason: 'prev_hash_mismatch' };
    }
    const { hash, ...content } = event;
    if (computeAuditHash(content) !== hash) {
      return { ok: false, seq: event.seq, reason: 'hash_mismatch' };
    }
    previous = { seq: event.seq, hash };
  }
  return { ok: true, count: previous.seq };
}
