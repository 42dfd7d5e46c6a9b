import { z } from 'zod';
import type { AuditEvent, AuditOutcome, AuditPage, AuditQuery } from './contract.js';
import { InvalidArgumentError } from './errors.js';
import { parseOrThrow } from './validation.js';

/** Page size when a query names none. */
export const AUDIT_PAGE_SIZE_DEFAULT = 50;
/** Largest page size a query may ask for. */
export const AUDIT_PAGE_SIZE_MAX = 500;

/** A query checked and with its cursor decoded: what a backend runs. */
export interface AuditQueryPlan {
  orgId: string;
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
  from?: number;
  to?: number;
  limit: number;
  /** Only events with `seq` below this one (the page after a cursor); `null` from the newest. */
  beforeSeq: number | null;
}

const querySchema = z.object({
  orgId: z.string().min(1),
  actor: z.string().optional(),
  action: z.string().optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.number().optional(),
  to: z.number().optional(),
  limit: z.int().min(1).max(AUDIT_PAGE_SIZE_MAX).optional(),
  cursor: z.string().optional(),
});

const cursorSchema = z.object({ before: z.int().positive() });

/** Opaque cursor for the page of events older than `seq`: base64url JSON. */
export function encodeAuditCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ before: seq })).toString('base64url');
}

/** The `seq` a cursor points below; rejects with `InvalidArgumentError` for a foreign cursor. */
export function decodeAuditCursor(cursor: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return cursorSchema.parse(decoded).before;
  } catch {
    throw new InvalidArgumentError('invalid audit cursor: not one this store issued');
  }
}

/** Checks a query against the contract (limit 1..500) and decodes its cursor. */
export function planAuditQuery(query: AuditQuery): AuditQueryPlan {
  const { cursor, limit, ...filters } = parseOrThrow(querySchema, query, 'audit query');
  return {
    ...filters,
    limit: limit ?? AUDIT_PAGE_SIZE_DEFAULT,
    beforeSeq: cursor === undefined ? null : decodeAuditCursor(cursor),
  };
}

/** Whether an event passes a query's filters (the cursor bound aside). */
export function matchesAuditQuery(event: AuditEvent, plan: AuditQueryPlan): boolean {
  return (
    event.orgId === plan.orgId &&
    (plan.actor === undefined || event.actor === plan.actor) &&
    (plan.action === undefined || event.action === plan.action) &&
    (plan.outcome === undefined || event.outcome === plan.outcome) &&
    (plan.from === undefined || event.at >= plan.from) &&
    (plan.to === undefined || event.at < plan.to)
  );
}

/**
 * Turns up to `limit + 1` matching events, newest first, into a page: the extra event only
 * tells that more match, and the cursor points below the last event shown.
 */
export function toAuditPage(matches: AuditEvent[], limit: number): AuditPage {
  if (matches.length <= limit) return { events: matches };
  const events = matches.slice(0, limit);
  const last = events[events.length - 1] as AuditEvent;
  return { events, nextCursor: encodeAuditCursor(last.seq) };
}
