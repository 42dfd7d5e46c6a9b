import type { AuditOutcome, AuditQuery } from '@gatehouse/store';

/** The audit filters as typed into the form (or the JSON API's query string). */
export interface AuditFilterValues {
  actor: string;
  action: string;
  outcome: string;
  /** `2025-11-26T09:00` (UTC) or any ISO 8601 instant. */
  from: string;
  to: string;
}

export type AuditFilterErrors = Partial<Record<keyof AuditFilterValues, string>>;

export type AuditFilterResult =
  | { ok: true; filters: Omit<AuditQuery, 'orgId' | 'limit' | 'cursor'> }
  | { ok: false; errors: AuditFilterErrors };

const OUTCOMES: readonly AuditOutcome[] = ['success', 'failure', 'denied'];
const FIELDS = ['actor', 'action', 'outcome', 'from', 'to'] as const;

function one(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

export function readAuditFilters(query: Record<string, unknown>): AuditFilterValues {
  return {
    actor: one(query.actor),
    action: one(query.action),
    outcome: one(query.outcome),
    from: one(query.from),
    to: one(query.to),
  };
}

/** A filter time: a date-time without zone is read as UTC; `undefined` for an empty field. */
export function parseFilterTime(text: string): number | undefined | 'invalid' {
  if (text === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.test(text)) {
    return 'invalid';
  }
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const at = Date.parse(zoned);
  return Number.isNaN(at) ? 'invalid' : at;
}

const TIME_PROBLEM = 'must be a date and time such as 2025-11-26T09:00 (UTC)';

/** Checks the filters; the actor stays as typed (the route resolves an email to a user id). */
export function parseAuditFilters(values: AuditFilterValues): AuditFilterResult {
  const errors: AuditFilterErrors = {};
  const from = parseFilterTime(values.from);
  const to = parseFilterTime(values.to);
  if (from === 'invalid') errors.from = `From ${TIME_PROBLEM}.`;
  if (to === 'invalid') errors.to = `To ${TIME_PROBLEM}.`;
  if (values.outcome !== '' && !OUTCOMES.includes(values.outcome as AuditOutcome)) {
    errors.outcome = `Outcome must be one of: ${OUTCOMES.join(', ')}.`;
  }
  if (typeof from === 'number' && typeof to === 'number' && from >= to) {
    errors.to = 'To must be later than From.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    filters: {
      ...(values.actor === '' ? {} : { actor: values.actor }),
      ...(values.action === '' ? {} : { action: values.action }),
      ...(values.outcome === '' ? {} : { outcome: values.outcome as AuditOutcome }),
      ...(typeof from === 'number' ? { from } : {}),
      ...(typeof to === 'number' ? { to } : {}),
    },
  };
}

/** The filters as a query string for links (next page, export, JSON), empty fields left out. */
export function auditFilterQuery(
  values: AuditFilterValues,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) if (values[field] !== '') params.set(field, values[field]);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
