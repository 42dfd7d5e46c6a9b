import type { Store } from '@gatehouse/store';
import { type Adapter, type AdapterPayload, errors } from 'oidc-provider';
import { type ClientBlocks, withClientBlocks } from '../clients/client-blocks.js';

/**
 * A second redemption of one code or refresh token lost the race to consume it: the same as
 * presenting a used one, so the whole grant goes (DESIGN.md §4) and the request gets
 * `invalid_grant`.
 */
async function revokeRacedGrant(store: Pick<Store, 'oidc' | 'events'>, model: string, id: string) {
  const entry = await store.oidc.forModel(model).find(id);
  const grantId = typeof entry?.grantId === 'string' ? entry.grantId : undefined;
  if (grantId !== undefined) {
    // The grant itself goes too: tokens the winner saves after this point belong to no grant,
    // and oidc-provider treats those as inactive.
    await Promise.all([
      store.oidc.forModel('Grant').destroy(grantId),
      store.oidc.forModel(model).revokeByGrantId(grantId),
    ]);
    await store.events.publish({ type: 'grant.revoked', grantId });
  }
  throw new errors.InvalidGrant('grant request is invalid');
}

/**
 * oidc-provider's adapter factory over our store: every model in the shared store (SQLite or
 * Redis), with the admin's block list applied to `Client`. Methods are mapped one by one so the
 * store's contract (e.g. `consume` reporting whether it won) does not leak into oidc-provider's
 * narrower interface.
 */
export function createAdapterFactory(
  store: Pick<Store, 'oidc' | 'events'>,
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
        if (!(await model.consume(id))) await revokeRacedGrant(store, name, id);
      },
      destroy: (id) => model.destroy(id),
      revokeByGrantId: (grantId) => model.revokeByGrantId(grantId),
    };
    return name === 'Client' ? withClientBlocks(adapter, blocks) : adapter;
  };
}
