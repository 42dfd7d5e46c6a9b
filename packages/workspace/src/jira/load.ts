import type { Actor } from '../core/actor.js';
import type { WorkspaceContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import type { IssueRecord, ProjectRecord } from '../model/jira.js';
import { KINDS } from '../model/kinds.js';
import { hasProjectPermission } from './access.js';

/** Every project the actor may browse, ordered by key. */
export async function loadVisibleProjects(
  ctx: WorkspaceContext,
  actor: Actor,
): Promise<ProjectRecord[]> {
  const projects = await ctx.records.list<ProjectRecord>(KINDS.project);
  return projects.filter((project) => hasProjectPermission(actor, project, 'browse'));
}

/** A project the actor may browse; `not_found` otherwise, same as for a missing one. */
export async function loadVisibleProject(
  ctx: WorkspaceContext,
  actor: Actor,
  key: string,
): Promise<ProjectRecord> {
  const project = await ctx.records.get<ProjectRecord>(KINDS.project, key.toUpperCase());
  if (!project || !hasProjectPermission(actor, project, 'browse')) {
    throw notFound(`Project ${key}`);
  }
  return project;
}

async function findIssue(ctx: WorkspaceContext, idOrKey: string): Promise<IssueRecord | null> {
  if (/^\d+$/.test(idOrKey)) {
    const issues = await ctx.records.list<IssueRecord>(KINDS.issue);
    return issues.find((issue) => issue.id === idOrKey) ?? null;
  }
  return ctx.records.get<IssueRecord>(KINDS.issue, idOrKey.toUpperCase());
}

/** An issue (by key or numeric id) and its project, when the actor may browse them. */
export async function loadVisibleIssue(
  ctx: WorkspaceContext,
  actor: Actor,
  idOrKey: string,
): Promise<{ issue: IssueRecord; project: ProjectRecord }> {
  const issue = await findIssue(ctx, idOrKey);
  const project = issue
    ? await ctx.records.get<ProjectRecord>(KINDS.project, issue.projectKey)
    : null;
  if (!issue || !project || !hasProjectPermission(actor, project, 'browse')) {
    throw notFound(`Issue ${idOrKey}`);
  }
  return { issue, project };
}
