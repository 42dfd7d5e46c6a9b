import type { Actor } from '../core/actor.js';
import { forbidden } from '../core/errors.js';
import { holdsLevel, levelOf } from '../model/access.js';
import {
  type PageRecord,
  SPACE_PERMISSIONS,
  type SpacePermission,
  type SpaceRecord,
} from '../model/confluence.js';

/** The actor's permission in a space, or null when the space is invisible to them. */
export function spacePermissionOf(actor: Actor, space: SpaceRecord): SpacePermission | null {
  return levelOf(SPACE_PERMISSIONS, space.access, actor);
}

/** True when the actor holds `permission` (or more) in the space. */
export function hasSpacePermission(
  actor: Actor,
  space: SpaceRecord,
  permission: SpacePermission,
): boolean {
  return holdsLevel(SPACE_PERMISSIONS, space.access, actor, permission);
}

function listed(users: readonly string[], actor: Actor): boolean {
  return users.length === 0 || users.includes(actor.userId);
}

/**
 * True when the actor may view the page: `view` in its space and listed by the view
 * restriction of the page and of each ancestor (space administrators pass restrictions).
 */
export function canViewPage(
  actor: Actor,
  space: SpaceRecord,
  page: PageRecord,
  ancestors: readonly PageRecord[],
): boolean {
  if (!hasSpacePermission(actor, space, 'view')) return false;
  if (hasSpacePermission(actor, space, 'administer')) return true;
  return [page, ...ancestors].every((p) => listed(p.restrictions.view, actor));
}

/** Why the actor may not edit the (viewable) page, or null when they may. */
function editDenial(actor: Actor, space: SpaceRecord, page: PageRecord): string | null {
  if (!hasSpacePermission(actor, space, 'edit')) {
    return `You need the "edit" permission in space ${space.key} to update page "${page.title}".`;
  }
  if (hasSpacePermission(actor, space, 'administer') || listed(page.restrictions.edit, actor)) {
    return null;
  }
  return `Page "${page.title}" has an edit restriction: only the people it lists may edit it.`;
}

/** True when the actor may edit the (viewable) page. */
export function canEditPage(actor: Actor, space: SpaceRecord, page: PageRecord): boolean {
  return editDenial(actor, space, page) === null;
}

/** Throws `forbidden` (permission `edit`) unless the actor may edit the (viewable) page. */
export function requireEditPage(actor: Actor, space: SpaceRecord, page: PageRecord): void {
  const denial = editDenial(actor, space, page);
  if (denial) throw forbidden('edit', denial);
}

/** Throws `forbidden` (permission `edit`) unless the actor may create pages in the space. */
export function requireCreateInSpace(actor: Actor, space: SpaceRecord): void {
  if (hasSpacePermission(actor, space, 'edit')) return;
  throw forbidden(
    'edit',
    `You need the "edit" permission in space ${space.key} to create pages in it.`,
  );
}
