import type { ApiTokenRecord, User } from './contract.js';

/**
 * Compares strings by their UTF-8 bytes, the order SQLite's default `BINARY` collation uses, so
 * both backends list records in the same order. For ASCII it is the ordinary string order.
 */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Users list by email. */
export function compareUsers(a: User, b: User): number {
  return compareUtf8(a.email, b.email);
}

/** API tokens list newest first; tokens created in the same millisecond by id. */
export function compareApiTokens(a: ApiTokenRecord, b: ApiTokenRecord): number {
  return b.createdAt - a.createdAt || compareUtf8(a.id, b.id);
}
