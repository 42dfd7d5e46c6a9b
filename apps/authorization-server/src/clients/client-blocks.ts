import type { RecordStore } from '@gatehouse/store';

/** Record kind (in `store.records`) of blocked clients; the value carries its own id. */
export const CLIENT_BLOCK_KIND = 'oauth-client-block';

export interface ClientBlock {
  clientId: string;
  /** Epoch milliseconds. */
  blockedAt: number;
  /** User id of the admin who blocked it. */
  blockedBy: string;
}

/** The admin's block list: clients that may neither authorize nor use the token endpoint. */
export interface ClientBlocks {
  isBlocked(clientId: string): Promise<boolean>;
  list(): Promise<Map<string, ClientBlock>>;
  block(clientId: string, blockedBy: string): Promise<void>;
  unblock(clientId: string): Promise<void>;
}

export function createClientBlocks(records: RecordStore): ClientBlocks {
  return {
    async isBlocked(clientId) {
      return (await records.get(CLIENT_BLOCK_KIND, clientId)) !== null;
    },
    async list() {
      const all = await records.list<ClientBlock>(CLIENT_BLOCK_KIND);
      return new Map(all.map((block) => [block.clientId, block]));
    },
    async block(clientId, blockedBy) {
      await records.put(CLIENT_BLOCK_KIND, clientId, {
        clientId,
        blockedAt: Date.now(),
        blockedBy,
      });
    },
    async unblock(clientId) {
      await records.delete(CLIENT_BLOCK_KIND, clientId);
    },
  };
}

/**
 * oidc-provider's `Client` adapter with the block list applied: a blocked client is not found,
 * so every endpoint that loads it (token, revocation, authorization) answers `invalid_client`.
 * Registered metadata stays stored, so unblocking restores the client as it was.
 */
export function withClientBlocks<A extends { find(id: string): Promise<unknown> }>(
  adapter: A,
  blocks: ClientBlocks,
): A {
  return {
    ...adapter,
    async find(id) {
      const [payload, blocked] = await Promise.all([adapter.find(id), blocks.isBlocked(id)]);
      return blocked ? undefined : payload;
    },
  };
}
