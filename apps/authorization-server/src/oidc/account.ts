import type { Store, User } from '@gatehouse/store';
import type { Account, FindAccount } from 'oidc-provider';

/** Claims an account releases; `email` is what the resource server needs to know. */
function accountFor(user: User): Account {
  return {
    accountId: user.id,
    claims: () => ({
      sub: user.id,
      email: user.email,
      email_verified: true,
      name: user.name,
    }),
  };
}

/** oidc-provider's account lookup, over the store's users. Disabled users do not exist. */
export function createFindAccount(store: Store): FindAccount {
  return async (_ctx, sub) => {
    const user = await store.users.findById(sub);
    if (user === null || user.disabled) return undefined;
    return accountFor(user);
  };
}
