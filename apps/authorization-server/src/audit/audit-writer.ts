import type { AuditEvent, AuditEventInput, Store } from '@gatehouse/store';
import type { Logger } from 'pino';

/**
 * Writes an audit event without letting a storage hiccup break the user's flow; a failure is
 * logged (it is itself security-relevant) rather than swallowed. Every stored event is also
 * emitted as one structured log line marked `audit: true`, for a SIEM to collect; details never
 * hold a secret, so the line needs no redaction beyond the logger's own.
 */
export function createAuditWriter(store: Pick<Store, 'audit'>, logger: Logger) {
  return async function audit(event: AuditEventInput): Promise<AuditEvent | undefined> {
    try {
      const stored = await store.audit.append(event);
      logger.info({ audit: true, event: stored }, `audit ${stored.action} ${stored.outcome}`);
      return stored;
    } catch (error) {
      logger.error({ err: error, action: event.action }, 'could not write audit event');
      return undefined;
    }
  };
}

export type AuditWriter = ReturnType<typeof createAuditWriter>;
