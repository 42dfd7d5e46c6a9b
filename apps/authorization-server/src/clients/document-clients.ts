import type { OidcPayload, RecordStore } from '@gatehouse/store';

/**
 * Clients that identify by a client ID metadata document are never stored in oidc-provider's
 * `Client` model (it keeps them in its own cache), so the admin console would not know them.
 * Each one is remembered here the first time it is admitted, as the registered metadata it
 * presented, so that admins can see, block and forget it like any registered client.
 */
export const DOCUMENT_CLIENT_KIND = 'oauth-document-client';

export interface DocumentClient {
  clientId: string;
  /** The metadata as admitted (snake_case, the same shape as a stored `Client` payload). */
  metadata: OidcPayload;
  /** Epoch milliseconds of the first admission. */
  firstSeenAt: number;
}

export interface DocumentClients {
  /** Best effort and cheap after the first call per client and process. */
  remember(clientId: string, metadata: OidcPayload): Promise<void>;
  find(clientId: string): Promise<DocumentClient | null>;
  list(): Promise<DocumentClient[]>;
  forget(clientId: string): Promise<void>;
}

export function createDocumentClients(
  records: RecordStore,
  now: () => number = Date.now,
): DocumentClients {
  const known = new Set<string>();
  return {
    async remember(clientId, metadata) {
      if (known.has(clientId)) return;
      await records.create<DocumentClient>(DOCUMENT_CLIENT_KIND, clientId, {
        clientId,
        metadata,
        firstSeenAt: now(),
      });
      known.add(clientId);
    },
    find: (clientId) => records.get<DocumentClient>(DOCUMENT_CLIENT_KIND, clientId),
    list: () => records.list<DocumentClient>(DOCUMENT_CLIENT_KIND),
    async forget(clientId) {
      known.delete(clientId);
      await records.delete(DOCUMENT_CLIENT_KIND, clientId);
    },
  };
}
