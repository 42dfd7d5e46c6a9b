import type { User } from '@gatehouse/store';
import type { WorkspaceContext } from './context.js';

/** How answers show a person. `accountId` is the user id. */
export interface UserRef {
  accountId: string;
  displayName: string;
  email: string | null;
}

/** The org's users, loaded once per operation, to show and resolve people. */
export interface UserDirectory {
  /** Every user of the org, disabled ones included. */
  readonly users: readonly User[];
  /** A reference for display; unknown ids show as "Unknown user". */
  ref(userId: string): UserRef;
  /** Same as `ref`, but null stays null. */
  refOrNull(userId: string | null): UserRef | null;
  /** An enabled user by account id or email (case-insensitive), or null. */
  resolve(value: string): User | null;
}

/** Loads the org's users. */
export async function loadDirectory(ctx: WorkspaceContext): Promise<UserDirectory> {
  const users = await ctx.users.listByOrg(ctx.orgId);
  const byId = new Map(users.map((user) => [user.id, user]));
  const ref = (userId: string): UserRef => {
    const user = byId.get(userId);
    return user
      ? { accountId: user.id, displayName: user.name, email: user.email }
      : { accountId: userId, displayName: 'Unknown user', email: null };
  };
  return {
    users,
    ref,
    refOrNull: (userId) => (userId === null ? null : ref(userId)),
    resolve: (value) => {
      const needle = value.trim().toLowerCase();
      const user = byId.get(value.trim()) ?? users.find((u) => u.email === needle);
      return user && !user.disabled ? user : null;
    },
  };
}

/** ISO 8601 for an epoch-ms time; answers show times this way. */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
