import { z } from 'zod';
import type { AuditEvent } from './contract.js';
import { UnreadableDataError } from './errors.js';

/**
 * Decoding stored audit events, shared by both backends. Storage is outside our control once
 * written (anyone with access can edit a row), so every stored event is checked against the
 * shape the store writes before it is used: a row that does not fit becomes an
 * `UnreadableAuditRecord` at its `seq`, which verification reports as a broken link and every
 * other read turns into an `UnreadableDataError`.
 */

/** A stored event that cannot be decoded: its position in the chain and what is wrong. */
export interface UnreadableAuditRecord {
  seq: number;
  unreadable: string;
}

/** What a backend reads at one position of the chain. */
export type AuditRecord = AuditEvent | UnreadableAuditRecord;

/** The stored shape of an event, exactly: events stored before keying carry no `hashAlg`. */
const storedEventSchema = z
  .object({
    seq: z.int().positive(),
    prevHash: z.string(),
    orgId: z.string(),
    action: z.string(),
    outcome: z.enum(['success', 'failure', 'denied']),
    actor: z.string().nullable(),
    clientId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    at: z.int().nonnegative(),
    hashAlg: z.enum(['sha256', 'hmac-sha256']).default('sha256'),
    hash: z.string(),
  })
  .strict();

/** A JSON text parsed, or `undefined` when it is not JSON (callers name the field). */
export function parseStoredJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`)
    .join('; ');
}

/**
 * Decodes what is stored at chain position `seq` (a parsed JSON value or a row mapped to the
 * event's field names). A value claiming another `seq` than the one it is stored under is
 * unreadable too: moving an event is a change like any other.
 */
export function decodeAuditRecord(seq: number, stored: unknown): AuditRecord {
  const parsed = storedEventSchema.safeParse(stored);
  if (!parsed.success) return { seq, unreadable: describeIssues(parsed.error) };
  if (parsed.data.seq !== seq) {
    return { seq, unreadable: `stored as event ${seq} but says it is event ${parsed.data.seq}` };
  }
  return parsed.data;
}

export function isUnreadable(record: AuditRecord): record is UnreadableAuditRecord {
  return 'unreadable' in record;
}

/** The event, or `UnreadableDataError` naming it: for reads that have no way to report one. */
export function requireReadable(record: AuditRecord): AuditEvent {
  if (isUnreadable(record)) {
    throw new UnreadableDataError(`audit event ${record.seq} is unreadable: ${record.unreadable}`);
  }
  return record;
}
