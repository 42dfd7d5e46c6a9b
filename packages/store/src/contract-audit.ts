/**
 * The audit log's part of the storage contract (contract.ts re-exports every type here): the
 * events, the chain's verification and the `AuditStore` methods. The chain's hashing is
 * written down in audit-chain.ts, its key in audit-chain-key.ts, the verification rules in
 * audit-verify.ts.
 */

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEventInput {
  orgId: string;
  /** Dotted name, e.g. `auth.sign_in`, `settings.changed`, `tool.call`. */
  action: string;
  outcome: AuditOutcome;
  /** User id, client id or `system`; `null` when nobody is known (failed sign-in). */
  actor: string | null;
  clientId?: string | null;
  ip?: string | null;
  /** Never a secret. JSON values only. */
  details?: Record<string, unknown>;
  /** Defaults to now. */
  at?: number;
}

/**
 * How an event's `hash` was made (audit-chain.ts has the exact input):
 * - `hmac-sha256`: HMAC-SHA256 under the store's audit chain key. Every event appended now.
 * - `sha256`: plain SHA-256, no key. Only events written before the chain was keyed; they are
 *   read back with this value (stored without one) and still verify, but anyone who can write
 *   the store could have rewritten them and recomputed their hashes.
 */
export type AuditHashAlg = 'sha256' | 'hmac-sha256';

export interface AuditEvent extends Required<Omit<AuditEventInput, 'details'>> {
  details: Record<string, unknown>;
  /** Position in the chain, from 1, without gaps. */
  seq: number;
  /** Hash of the previous event (64 zeros for the first). */
  prevHash: string;
  /** Which algorithm made `hash`. Part of the hashed content of `hmac-sha256` events. */
  hashAlg: AuditHashAlg;
  /** Lower-case hex hash over `prevHash` and the canonical JSON of this event's content. */
  hash: string;
}

/** The end of a chain: the last event's `seq` and `hash` (`seq` 0 and 64 zeros when empty). */
export interface AuditChainHead {
  seq: number;
  hash: string;
}

/** Why a chain is broken at an event. */
export type AuditChainBreak =
  /** The event expected at `seq` is missing, or events are out of order. */
  | 'sequence_gap'
  /** The event's `prevHash` is not the previous event's hash. */
  | 'prev_hash_mismatch'
  /** The event's content does not hash to its stored `hash` (changed, or made with another key). */
  | 'hash_mismatch'
  /**
   * The event carries an unkeyed (`sha256`) hash where only keyed ones may appear: after a keyed
   * event (unkeyed events only ever come before the chain was keyed), or anywhere when the
   * verification requires keyed events. Someone relabelled it to recompute the hash without
   * the key.
   */
  | 'unkeyed'
  /** The stored row cannot be decoded (not JSON, a field missing or of the wrong type). */
  | 'unreadable'
  /** The chain ends before the expected head, or holds another hash at its `seq`. */
  | 'truncated';

/** What a verification is told beyond the events themselves. */
export interface AuditVerifyOptions {
  /**
   * A head seen earlier (by an operator, or a SIEM from the audit log lines): the chain must
   * reach `seq` and hold exactly `hash` there. The only way to notice that the newest events
   * were deleted, since a shortened chain is still a valid chain.
   */
  expectHead?: AuditChainHead;
  /** Treat every unkeyed (`sha256`) event as a break, for chains that were keyed from event 1. */
  requireKeyed?: boolean;
}

export type AuditChainVerification =
  | {
      ok: true;
      /** Events checked (the head's `seq`). */
      count: number;
      /** The last event's `seq` and `hash`: record it and pass it as `expectHead` next time. */
      head: AuditChainHead;
      /** How many events, from event 1, carry unkeyed (`sha256`) hashes from before keying. */
      unkeyedCount: number;
    }
  | {
      ok: false;
      seq: number;
      reason: 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'unkeyed';
    }
  | {
      ok: false;
      seq: number;
      reason: 'unreadable';
      /** What is wrong with the stored row, e.g. `details: not JSON`. */
      detail: string;
    }
  | {
      ok: false;
      /** The expected head's `seq`. */
      seq: number;
      reason: 'truncated';
      expected: AuditChainHead;
      /** Where the intact chain ends. */
      end: AuditChainHead;
      /** The hash found at `expected.seq` when the chain reaches it; `null` when it ends before. */
      foundHash: string | null;
    };

export interface AuditQuery {
  orgId: string;
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
  /** Inclusive lower bound on `at`. */
  from?: number;
  /** Exclusive upper bound on `at`. */
  to?: number;
  /**
   * Newest first (descending `seq`, i.e. append order; `at` is caller-supplied and may not be
   * monotonic). Page size 1..500, default 50; outside that rejects with `InvalidArgumentError`.
   */
  limit?: number;
  /** `nextCursor` from the previous page; any other string rejects with `InvalidArgumentError`. */
  cursor?: string;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Present when more events match. */
  nextCursor?: string;
}

/**
 * The audit log: one chain across all orgs, each event's hash covering the previous event's
 * hash, keyed with the store's audit chain key (`StoreConfig.auditChainKey`, else a key the
 * store generates and keeps in its own key material). `query` and `scan` reject with
 * `UnreadableDataError` when they meet a stored event that cannot be decoded; `verify` reports
 * it as a broken link instead.
 */
export interface AuditStore {
  /** Appends atomically at the end of the chain, even with several writers. Keyed (HMAC). */
  append(input: AuditEventInput): Promise<AuditEvent>;
  query(query: AuditQuery): Promise<AuditPage>;
  /**
   * Every event in chain order (oldest first), for export, read `batchSize` (default 200, at
   * most 5 000) at a time. Events appended while a scan runs are included.
   */
  scan(options?: { afterSeq?: number; batchSize?: number }): AsyncIterable<AuditEvent>;
  /**
   * Walks the whole chain with this store's key and reports the first broken link, an
   * unreadable row included, or the head (audit-verify.ts has the rules). Rejects only when the
   * backend fails, or with `InvalidArgumentError` for malformed options.
   */
  verify(options?: AuditVerifyOptions): Promise<AuditChainVerification>;
}
