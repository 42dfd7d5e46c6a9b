import { type Actor, actorFromUser } from '../core/actor.js';
import { loadComments } from '../core/comments.js';
import type { WorkspaceContext } from '../core/context.js';
import { loadDirectory, type UserDirectory } from '../core/directory.js';
import { conflict, invalidInput } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import type { IssueRecord, ProjectRecord } from '../model/jira.js';
import { ISSUE_ID_OFFSET, KINDS, SEQUENCES } from '../model/kinds.js';
import { hasProjectPermission, requireChangeIssue, requireProjectPermission } from './access.js';
import { COMMENT_STORAGE } from './comments.js';
import { loadVisibleIssue, loadVisibleProject } from './load.js';
import { type JiraInput, jiraInputSchemas } from './schemas.js';
import { type IssueView, issueView } from './views.js';

/**
 * The user id for an assignee given as account id or email. The user must exist, be enabled
 * and be able to browse the project (Jira's "assignable user").
 */
function resolveAssignee(
  directory: UserDirectory,
  project: ProjectRecord,
  value: string | null,
  field: string,
): string | null {
  if (value === null) return null;
  const user = directory.resolve(value);
  if (!user) {
    throw invalidInput(field, `${field}: no user has the account id or email "${value}".`);
  }
  if (!hasProjectPermission(actorFromUser(user), project, 'browse')) {
    throw invalidInput(
      field,
      `${field}: ${user.email} cannot be assigned issues in project ${project.key} ` +
        'because they cannot browse it.',
    );
  }
  return user.id;
}

/** Creates an issue in the first status of the project's workflow; needs `create`. */
export async function createJiraIssue(
  ctx: WorkspaceContext,
  actor: Actor,
  input: JiraInput['createJiraIssue'],
): Promise<IssueView> {
  const fields = parseInput(jiraInputSchemas.createJiraIssue, input);
  const project = await loadVisibleProject(ctx, actor, fields.projectKey);
  requireProjectPermission(actor, project, 'create', 'create issues');
  const directory = await loadDirectory(ctx);
  const assigneeId = resolveAssignee(directory, project, fields.assignee, 'assignee');
  const number = await ctx.records.nextSequence(SEQUENCES.issueKey(project.key));
  const id = ISSUE_ID_OFFSET + (await ctx.records.nextSequence(SEQUENCES.issueId));
  const now = ctx.now();
  const issue: IssueRecord = {
    id: String(id),
    key: `${project.key}-${number}`,
    projectKey: project.key,
    summary: fields.summary,
    description: fields.description,
    type: fields.issueTypeName,
    status: project.workflow.statuses[0] ?? 'To Do',
    priority: fields.priority,
    assigneeId,
    reporterId: actor.userId,
    labels: [...new Set(fields.labels)],
    createdAt: now,
    updatedAt: now,
  };
  if (!(await ctx.records.create(KINDS.issue, issue.key, issue))) {
    throw conflict(`Issue key ${issue.key} is already taken; please try again.`);
  }
  return issueView(issue, project, [], directory, ctx.site);
}

/**
 * Changes the given fields of an issue (status changes go through `transitionJiraIssue`).
 * Needs `administer`, or `create` as the issue's reporter or assignee.
 */
export async function editJiraIssue(
  ctx: WorkspaceContext,
  actor: Actor,
  input: JiraInput['editJiraIssue'],
): Promise<IssueView> {
  const { issueIdOrKey, fields } = parseInput(jiraInputSchemas.editJiraIssue, input);
  const { issue, project } = await loadVisibleIssue(ctx, actor, issueIdOrKey);
  requireChangeIssue(actor, project, issue, `edit ${issue.key}`);
  const directory = await loadDirectory(ctx);
  const updated: IssueRecord = {
    ...issue,
    summary: fields.summary ?? issue.summary,
    description: fields.description ?? issue.description,
    type: fields.issueTypeName ?? issue.type,
    priority: fields.priority ?? issue.priority,
    assigneeId:
      fields.assignee === undefined
        ? issue.assigneeId
        : resolveAssignee(directory, project, fields.assignee, 'fields.assignee'),
    labels: fields.labels ? [...new Set(fields.labels)] : issue.labels,
    updatedAt: ctx.now(),
  };
  await ctx.records.put(KINDS.issue, issue.key, updated);
  const comments = await loadComments(ctx, COMMENT_STORAGE, issue.key);
  return issueView(updated, project, comments, directory, ctx.site);
}
