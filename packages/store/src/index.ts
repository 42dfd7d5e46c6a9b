// Every export here is public API of @gatehouse/store; named exports only.
export type * from './contract.js';
export { ConflictError, VersionConflictError } from './errors.js';
export { hashPassword, verifyPassword } from './password.js';
