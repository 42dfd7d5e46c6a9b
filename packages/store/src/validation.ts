import { z } from 'zod';
import type { ApiTokenRecord, StoreEvent, User } from './contract.js';
import { InvalidArgumentError } from './errors.js';

/**
 * The shapes every write is checked against before it reaches a backend, so both backends accept
 * and refuse exactly the same input. A failed check rejects with `InvalidArgumentError`, naming
 * the field, and writes nothing. Unknown properties are dropped.
 */

/** Epoch milliseconds: a non-negative safe integer. */
export const epochMsSchema = z.int().nonnegative();
const epochMs = epochMsSchema;
const nonEmpty = z.string().min(1);
/** Hex SHA-256, lower case, as `createHash('sha256').digest('hex')` gives it. */
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case hex SHA-256');

export const userSchema = z.object({
  id: nonEmpty,
  orgId: nonEmpty,
  email: nonEmpty,
  name: z.string(),
  role: z.enum(['admin', 'member']),
  passwordHash: nonEmpty,
  createdAt: epochMs,
  disabled: z.boolean(),
}) satisfies z.ZodType<User>;

export const apiTokenSchema = z.object({
  id: nonEmpty,
  orgId: nonEmpty,
  userId: nonEmpty,
  name: z.string(),
  hash: sha256Hex,
  hint: z.string(),
  scopes: z.array(z.string()).nullable(),
  createdAt: epochMs,
  expiresAt: epochMs,
  lastUsedAt: epochMs.nullable(),
  revokedAt: epochMs.nullable(),
}) satisfies z.ZodType<ApiTokenRecord>;

export const auditInputSchema = z.object({
  orgId: nonEmpty,
  action: nonEmpty,
  outcome: z.enum(['success', 'failure', 'denied']),
  actor: z.string().nullable(),
  clientId: z.string().nullable().optional(),
  ip: z.string().nullable().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  at: epochMs.optional(),
});

export const settingsValueSchema = z.record(z.string(), z.unknown());

export const settingsWriteSchema = z.object({
  expectedVersion: z.int().nonnegative(),
  actor: z.string().nullable(),
});

export const storeEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('grant.revoked'), grantId: nonEmpty }),
  z.object({ type: z.literal('token.revoked'), tokenHash: nonEmpty }),
  z.object({ type: z.literal('api_token.revoked'), tokenId: nonEmpty, tokenHash: nonEmpty }),
  z.object({ type: z.literal('settings.changed'), orgId: nonEmpty, version: z.int().positive() }),
  z.object({ type: z.literal('user.disabled'), userId: nonEmpty }),
]) satisfies z.ZodType<StoreEvent>;

/** A name, id or kind used as a key: a non-empty string. */
export const keyPartSchema = nonEmpty;

/** Parses `value` or rejects with `InvalidArgumentError` naming `what` and the failing fields. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidArgumentError(`invalid ${what}: ${z.prettifyError(result.error)}`);
}

/** Checks the strings a method uses as keys (`kind`, `id`, `name`, ...). */
export function checkKeyParts(parts: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(parts)) parseOrThrow(keyPartSchema, value, field);
}

/** A rate limit window: a positive whole number of seconds. */
export function checkWindow(windowSeconds: number): void {
  if (!Number.isSafeInteger(windowSeconds) || windowSeconds <= 0) {
    throw new InvalidArgumentError('invalid windowSeconds: must be a positive whole number');
  }
}
