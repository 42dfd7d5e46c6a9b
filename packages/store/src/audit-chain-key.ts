import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import type { KeyMaterialStore } from './contract.js';
import { InvalidArgumentError } from './errors.js';

/**
 * The audit chain key: the HMAC-SHA256 key every audit event's hash is made with.
 *
 * Configured as text (`AUDIT_CHAIN_KEY`, passed as `StoreConfig.auditChainKey`): base64url
 * (RFC 4648 §5: `A-Z a-z 0-9 - _`, `=` padding optional) of at least 32 random bytes, e.g.
 * `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))"`.
 * The key is the decoded bytes. Hex is not a separate format: a hex string is read as base64url
 * like any other (so `openssl rand -hex 32` works, but other tools must decode it the same way).
 *
 * Every process sharing a store must use the same key. It must live outside the store (the
 * environment, a secret manager): whoever can read the key can rewrite events and recompute
 * their hashes, so a key kept beside the events proves nothing against someone who can write
 * the store. Changing it makes every event made with the old key fail verification
 * (`hash_mismatch`); rotation is not supported.
 */

/** Fewest bytes a configured key must decode to: 32 (the HMAC-SHA256 output size). */
export const AUDIT_CHAIN_KEY_MIN_BYTES = 32;

/** Bytes of a key the store generates when none is configured. */
const GENERATED_KEY_BYTES = 32;

/** Key material name of the generated key (stores without a configured key only). */
export const GENERATED_AUDIT_CHAIN_KEY_NAME = 'audit-chain-key';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Why `text` is not a usable audit chain key, or null when it is. */
function keyProblem(text: string): string | null {
  if (!BASE64URL.test(text)) {
    return 'must be base64url (A-Z, a-z, 0-9, "-" and "_"; "+" and "/" are plain base64)';
  }
  const bytes = Buffer.from(text, 'base64url').length;
  if (bytes < AUDIT_CHAIN_KEY_MIN_BYTES) {
    return `must decode to at least ${AUDIT_CHAIN_KEY_MIN_BYTES} bytes (it decodes to ${bytes})`;
  }
  return null;
}

/** Whether `text` is a usable `AUDIT_CHAIN_KEY`: base64url of at least 32 bytes. */
export function isAuditChainKey(text: string): boolean {
  return keyProblem(text) === null;
}

/** The key `text` stands for; rejects with `InvalidArgumentError` saying what is wrong. */
export function parseAuditChainKey(text: string): KeyObject {
  const problem = keyProblem(text);
  if (problem !== null) throw new InvalidArgumentError(`invalid auditChainKey: ${problem}`);
  return createSecretKey(Buffer.from(text, 'base64url'));
}

/**
 * The store's key, resolved once per store: the configured one, or else one generated on first
 * use and kept in the store's own key material under `audit-chain-key` (every process on the
 * store gets the same one). **The generated key protects only against accidental edits** (a
 * hand-edited row, a buggy migration): it lives in the same store as the events, so someone who
 * can write the events can read it and recompute every hash. Production configures a key.
 * A failed lookup (backend down) is not remembered; the next call tries again.
 */
export function createAuditChainKeySource(
  configured: KeyObject | undefined,
  keys: KeyMaterialStore,
): () => Promise<KeyObject> {
  if (configured !== undefined) {
    const resolved = Promise.resolve(configured);
    return () => resolved;
  }
  let generated: Promise<KeyObject> | undefined;
  return () => {
    if (generated === undefined) {
      const pending = keys
        .getOrCreate(GENERATED_AUDIT_CHAIN_KEY_NAME, () =>
          randomBytes(GENERATED_KEY_BYTES).toString('base64url'),
        )
        .then((text) => parseAuditChainKey(String(text)));
      generated = pending;
      pending.catch(() => {
        if (generated === pending) generated = undefined;
      });
    }
    return generated;
  };
}
