import type { Actor } from '../core/actor.js';
import type { WorkspaceContext } from '../core/context.js';
import { loadDirectory, type UserRef } from '../core/directory.js';
import { parseInput } from '../core/validation.js';
import { type JiraInput, jiraInputSchemas } from './schemas.js';

/** Most accounts one lookup returns. */
export const MAX_ACCOUNT_MATCHES = 20;

/**
 * Enabled users of the org whose name or email contains the search string, ordered by name.
 * Every member may look people up (to assign or mention them).
 */
export async function lookupJiraAccountId(
  ctx: WorkspaceContext,
  _actor: Actor,
  input: JiraInput['lookupJiraAccountId'],
): Promise<{ accounts: UserRef[] }> {
  const { searchString } = parseInput(jiraInputSchemas.lookupJiraAccountId, input);
  const needle = searchString.toLowerCase();
  const directory = await loadDirectory(ctx);
  const accounts = directory.users
    .filter((user) => !user.disabled)
    .filter((user) => `${user.name}\n${user.email}`.toLowerCase().includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_ACCOUNT_MATCHES)
    .map((user) => directory.ref(user.id));
  return { accounts };
}
