import type { Store } from '@gatehouse/store';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { type ClientBlocks, withClientBlocks } from '../clients/client-blocks.js';

/**
 * oidc-provider's adapter factory over our store: every model in the shared store (SQLite or
 * Redis), with the admin's block list applied to `Client`. Methods are mapped one by one so the
 * store's contract can grow (e.g. `consume` reporting whether it won) without leaking into
 * oidc-provider's narrower interface.
 */
export function createAdapterFactory(
  store: Pick<Store, 'oidc'>,
  blocks: ClientBlocks,
): (name: string) => Adapter {
  return (name) => {
    const model = store.oidc.forModel(name);
    const adapter: Adapter = {
      upsert: (id, payload, expiresIn) => model.upsert(id, payload, expiresIn),
      find: (id) => model.find(id) as Promise<AdapterPayload | undefined>,
      findByUserCode: (userCode) =>
        model.findByUserCode(userCode) as Promise<AdapterPayload | undefined>,
      findByUid: (uid) => model.findByUid(uid) as Promise<AdapterPayload | undefined>,
      consume: async (id) => {
        await model.consume(id);
      },
      destroy: (id) => model.destroy(id),
      revokeByGrantId: (grantId) => model.revokeByGrantId(grantId),
    };
    return name === 'Client' ? withClientBlocks(adapter, blocks) : adapter;
  };
}
