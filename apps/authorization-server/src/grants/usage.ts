import type { RecordStore } from '@gatehouse/store';
import type { Logger } from 'pino';
import { createEventThrottle } from '../audit/event-throttle.js';

/**
 * Record kinds (in `store.records`) for "last used": one per OAuth client, one per grant.
 * Values carry their own id because `records.list` returns values only.
 */
export const CLIENT_USAGE_KIND = 'oauth-client-usage';
export const GRANT_USAGE_KIND = 'oauth-grant-usage';

/** Shortest gap between two writes of one "last used" record, in milliseconds. */
export const USAGE_WRITE_INTERVAL_MS = 60_000;

export interface ClientUsage {
  clientId: string;
  lastUsedAt: number;
}

export interface GrantUsage {
  grantId: string;
  clientId: string;
  lastUsedAt: number;
}

/** Remembers when OAuth clients and grants were last used: token issuance and introspection. */
export interface UsageRecorder {
  /** Best effort, never awaited on a hot path: throttled, failures only logged. */
  record(clientId: string, grantId: string | undefined): void;
  clientUsage(): Promise<Map<string, number>>;
  grantUsage(): Promise<Map<string, number>>;
  /** Forgets a deleted client's record. */
  forgetClient(clientId: string): Promise<void>;
}

export function createUsageRecorder(deps: {
  records: RecordStore;
  logger: Logger;
  now?: () => number;
}): UsageRecorder {
  const { records, logger } = deps;
  const now = deps.now ?? Date.now;
  const throttle = createEventThrottle({ intervalMs: USAGE_WRITE_INTERVAL_MS, now });
  const write = (kind: string, id: string, value: ClientUsage | GrantUsage) => {
    records.put(kind, id, value).catch((error: unknown) => {
      logger.warn({ err: error, kind, id }, 'could not record last use');
    });
  };

  return {
    record(clientId, grantId) {
      const at = now();
      if (throttle.shouldRecord(`client:${clientId}`)) {
        write(CLIENT_USAGE_KIND, clientId, { clientId, lastUsedAt: at });
      }
      if (grantId !== undefined && throttle.shouldRecord(`grant:${grantId}`)) {
        write(GRANT_USAGE_KIND, grantId, { grantId, clientId, lastUsedAt: at });
      }
    },
    async clientUsage() {
      const all = await records.list<ClientUsage>(CLIENT_USAGE_KIND);
      return new Map(all.map((usage) => [usage.clientId, usage.lastUsedAt]));
    },
    async grantUsage() {
      const all = await records.list<GrantUsage>(GRANT_USAGE_KIND);
      return new Map(all.map((usage) => [usage.grantId, usage.lastUsedAt]));
    },
    async forgetClient(clientId) {
      await records.delete(CLIENT_USAGE_KIND, clientId);
    },
  };
}
