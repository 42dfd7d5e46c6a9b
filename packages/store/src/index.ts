// Every export here is public API of @gatehouse/store; named exports only.
export type {
  AuditChainBreak,
  AuditChainVerification,
} from './audit-chain.js';
export { verifyAuditChain } from './audit-chain.js';
export type * from './contract.js';
export { createStore, type StoreConfig } from './create-store.js';
export { normalizeEmail } from './email.js';
export {
  ConflictError,
  InvalidArgumentError,
  StoreOpenError,
  VersionConflictError,
} from './errors.js';
export type { StoreLogger } from './logger.js';
export { hashPassword, verifyPassword } from './password.js';
export { createRedisStore, type RedisStoreOptions } from './redis/redis-store.js';
export { createSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
