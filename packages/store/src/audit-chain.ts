import { createHash, createHmac, type KeyObject } from 'node:crypto';
import type { AuditChainHead, AuditEvent, AuditEventInput } from './contract.js';
import { InvalidArgumentError } from './errors.js';
import { canonicalJson, copyJson } from './json.js';
import { auditInputSchema, parseOrThrow } from './validation.js';

/**
 * The audit log's hash chain, as pure functions both backends call. An event's content is every
 * field but `hash`; `prevHash` is the previous event's hash (64 zeros before the first event).
 *
 * - `hmac-sha256` (every event appended now):
 *   `hash = hex(HMAC-SHA256(chainKey, prevHash + '\n' + canonicalJson(content)))`, where the
 *   content includes `hashAlg`, so relabelling an event changes its hash too.
 * - `sha256` (events written before the chain was keyed, stored without `hashAlg`):
 *   `hash = hex(SHA-256(prevHash + '\n' + canonicalJson(content without hashAlg)))`, exactly
 *   as they were made, so existing chains still verify.
 *
 * Changing any stored field of any event breaks the chain at that event; without the key, no
 * one can make a keyed hash that verifies (audit-chain-key.ts says where the key lives).
 */

/** `prevHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export type { AuditChainHead } from './contract.js';

export const EMPTY_CHAIN_HEAD: AuditChainHead = { seq: 0, hash: GENESIS_HASH };

/**
 * Hex hash of an event's content chained to `content.prevHash`, by `content.hashAlg`. A keyed
 * (`hmac-sha256`) event needs the chain key; without one this rejects with
 * `InvalidArgumentError`.
 */
export function computeAuditHash(content: Omit<AuditEvent, 'hash'>, key?: KeyObject): string {
  if (content.hashAlg === 'sha256') {
    const { hashAlg: _unhashed, ...legacy } = content;
    return createHash('sha256')
      .update(`${content.prevHash}\n${canonicalJson(legacy)}`)
      .digest('hex');
  }
  if (key === undefined) {
    throw new InvalidArgumentError(
      `audit event ${content.seq} is keyed (${content.hashAlg}): its hash needs the chain key`,
    );
  }
  return createHmac('sha256', key)
    .update(`${content.prevHash}\n${canonicalJson(content)}`)
    .digest('hex');
}

/**
 * Validates an append and builds the keyed event that follows `head`. `now` fills in a missing
 * `at`. Rejects with `InvalidArgumentError` for input that does not fit the contract.
 */
export function createAuditEvent(
  input: AuditEventInput,
  head: AuditChainHead,
  now: number,
  key: KeyObject,
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
    hashAlg: 'hmac-sha256',
  };
  return { ...content, hash: computeAuditHash(content, key) };
}
