import type { Actor } from '../core/actor.js';
import { forbidden } from '../core/errors.js';
import { holdsLevel, levelOf } from '../model/access.js';
import {
  type IssueRecord,
  PROJECT_PERMISSIONS,
  type ProjectPermission,
  type ProjectRecord,
} from '../model/jira.js';

/** The actor's role in a project, or null when the project is invisible to them. */
export function projectPermissionOf(
  actor: Actor,
  project: ProjectRecord,
): ProjectPermission | null {
  return levelOf(PROJECT_PERMISSIONS, project.access, actor);
}

/** True when the actor holds `permission` (or more) in the project. */
export function hasProjectPermission(
  actor: Actor,
  project: ProjectRecord,
  permission: ProjectPermission,
): boolean {
  return holdsLevel(PROJECT_PERMISSIONS, project.access, actor, permission);
}

/** Throws `forbidden` naming `permission` unless the actor holds it in the project. */
export function requireProjectPermission(
  actor: Actor,
  project: ProjectRecord,
  permission: ProjectPermission,
  action: string,
): void {
  if (hasProjectPermission(actor, project, permission)) return;
  throw forbidden(
    permission,
    `You need the "${permission}" permission in project ${project.key} to ${action}.`,
  );
}

/**
 * True when the actor may edit or transition the issue: `administer` in the project, or
 * `create` and being the issue's reporter or assignee.
 */
export function canChangeIssue(actor: Actor, project: ProjectRecord, issue: IssueRecord): boolean {
  if (hasProjectPermission(actor, project, 'administer')) return true;
  const involved = issue.reporterId === actor.userId || issue.assigneeId === actor.userId;
  return involved && hasProjectPermission(actor, project, 'create');
}

/** Throws `forbidden` unless `canChangeIssue`; `action` completes "to ..." in the message. */
export function requireChangeIssue(
  actor: Actor,
  project: ProjectRecord,
  issue: IssueRecord,
  action: string,
): void {
  if (canChangeIssue(actor, project, issue)) return;
  const needed = hasProjectPermission(actor, project, 'create') ? 'administer' : 'create';
  throw forbidden(
    needed,
    `You need the "administer" permission in project ${project.key}, or the "create" ` +
      `permission as the reporter or assignee of ${issue.key}, to ${action}.`,
  );
}
