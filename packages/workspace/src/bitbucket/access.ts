import type { Actor } from '../core/actor.js';
import { forbidden } from '../core/errors.js';
import { holdsLevel, levelOf } from '../model/access.js';
import {
  REPOSITORY_PERMISSIONS,
  type RepositoryPermission,
  type RepositoryRecord,
} from '../model/bitbucket.js';

/** The actor's access to a repository, or null when it is invisible to them. */
export function repositoryPermissionOf(
  actor: Actor,
  repository: RepositoryRecord,
): RepositoryPermission | null {
  return levelOf(REPOSITORY_PERMISSIONS, repository.access, actor);
}

/** True when the actor holds `permission` (or more) on the repository. */
export function hasRepositoryPermission(
  actor: Actor,
  repository: RepositoryRecord,
  permission: RepositoryPermission,
): boolean {
  return holdsLevel(REPOSITORY_PERMISSIONS, repository.access, actor, permission);
}

/** Throws `forbidden` naming `permission` unless the actor holds it on the repository. */
export function requireRepositoryPermission(
  actor: Actor,
  repository: RepositoryRecord,
  permission: RepositoryPermission,
  action: string,
): void {
  if (hasRepositoryPermission(actor, repository, permission)) return;
  throw forbidden(
    permission,
    `You need "${permission}" access to repository ${repository.id} to ${action}.`,
  );
}
