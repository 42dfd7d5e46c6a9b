import { type Actor, isOrgAdmin } from '../core/actor.js';

/**
 * Who holds which level on one item (project, space, repository, service desk). Levels are
 * ordered: each one includes the ones before it in the item's level list.
 */
export interface AccessGrants<Level extends string> {
  /** Level every member of the org holds; `null` makes the item restricted. */
  everyone: Level | null;
  /** Levels of named users by user id; the higher of this and `everyone` applies. */
  users: Record<string, Level>;
}

/**
 * The level `actor` holds, or null for none. Org admins hold the top level everywhere.
 * `levels` lists the item's levels lowest first.
 */
export function levelOf<Level extends string>(
  levels: readonly Level[],
  grants: AccessGrants<Level>,
  actor: Actor,
): Level | null {
  if (isOrgAdmin(actor)) return levels[levels.length - 1] ?? null;
  const ranks = [grants.everyone, grants.users[actor.userId] ?? null]
    .filter((level): level is Level => level !== null)
    .map((level) => levels.indexOf(level));
  const best = Math.max(-1, ...ranks);
  return best < 0 ? null : (levels[best] ?? null);
}

/** True when `actor` holds `required` or a higher level. */
export function holdsLevel<Level extends string>(
  levels: readonly Level[],
  grants: AccessGrants<Level>,
  actor: Actor,
  required: Level,
): boolean {
  const held = levelOf(levels, grants, actor);
  return held !== null && levels.indexOf(held) >= levels.indexOf(required);
}
