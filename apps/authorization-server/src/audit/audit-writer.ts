import type { AuditEventInput, Store } from '@gatehouse/store';
import type { Logger } from 'pino';

/**
 * Writes an audit event without letting a storage hiccup break the user's flow; a failure is
 * logged (it is itself security-relevant) rather than swallowed.
 */
export function createAuditWriter(store: Store, logger: Logger) {
  return async function audit(event: AuditEventInput): Promise<void> {
    try {
      await store.audit.append(event);
    } catch (error) {
      logger.error({ err: error, action: event.action }, 'could not write audit event');
    }
  };
}

export type AuditWriter = ReturnType<typeof createAuditWriter>;
