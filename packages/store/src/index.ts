// Every export here is public API of @gatehouse/store; named exports only.
export { AUDIT_CHAIN_KEY_MIN_BYTES, isAuditChainKey } from './audit-chain-key.js';
export { verifyAuditChain } from './audit-verify.js';
// Every contract type, the audit chain's included (AuditChainBreak, AuditChainVerification,
// AuditChainHead, AuditVerifyOptions, AuditHashAlg).
export type * from './contract.js';
export { createStore, type StoreConfig } from './create-store.js';
export { normalizeEmail } from './email.js';
export {
  ConflictError,
  InvalidArgumentError,
  StoreOpenError,
  UnreadableDataError,
  VersionConflictError,
} from './errors.js';
export type { StoreLogger } from './logger.js';
export { hashPassword, verifyPassword } from './password.js';
export { createRedisStore, type RedisStoreOptions } from './redis/redis-store.js';
export { createSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { hashTokenValue } from './token-hash.js';
