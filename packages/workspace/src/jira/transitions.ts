import type { Actor } from '../core/actor.js';
import { loadComments } from '../core/comments.js';
import type { WorkspaceContext } from '../core/context.js';
import { loadDirectory } from '../core/directory.js';
import { conflict, invalidInput } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import type { IssueRecord, ProjectRecord, WorkflowTransition } from '../model/jira.js';
import { KINDS } from '../model/kinds.js';
import { canChangeIssue, requireChangeIssue } from './access.js';
import { COMMENT_STORAGE } from './comments.js';
import { loadVisibleIssue } from './load.js';
import { type JiraInput, jiraInputSchemas } from './schemas.js';
import { type IssueView, issueView } from './views.js';

/** A transition as answers show it. */
export interface TransitionView {
  id: string;
  name: string;
  /** The status the issue moves to. */
  to: string;
}

function availableFrom(project: ProjectRecord, status: string): WorkflowTransition[] {
  return project.workflow.transitions.filter((t) => t.from.includes(status));
}

function toView(transition: WorkflowTransition): TransitionView {
  return { id: transition.id, name: transition.name, to: transition.to };
}

/**
 * Transitions the actor can perform on the issue now: those leaving its current status, or
 * none when the actor may not change the issue.
 */
export async function getTransitionsForJiraIssue(
  ctx: WorkspaceContext,
  actor: Actor,
  input: JiraInput['getTransitionsForJiraIssue'],
): Promise<{ transitions: TransitionView[] }> {
  const { issueIdOrKey } = parseInput(jiraInputSchemas.getTransitionsForJiraIssue, input);
  const { issue, project } = await loadVisibleIssue(ctx, actor, issueIdOrKey);
  if (!canChangeIssue(actor, project, issue)) return { transitions: [] };
  return { transitions: availableFrom(project, issue.status).map(toView) };
}

function findTransition(project: ProjectRecord, wanted: { id?: string; name?: string }) {
  const transition = project.workflow.transitions.find((t) =>
    wanted.id !== undefined
      ? t.id === wanted.id
      : t.name.toLowerCase() === wanted.name?.toLowerCase(),
  );
  if (transition) return transition;
  const known = project.workflow.transitions.map((t) => `${t.id} "${t.name}"`).join(', ');
  throw invalidInput(
    'transition',
    `transition: project ${project.key} has no transition ` +
      `${wanted.id !== undefined ? `with id "${wanted.id}"` : `named "${wanted.name}"`}. ` +
      `Its transitions: ${known}.`,
  );
}

/**
 * Moves an issue along its workflow by transition id or name. Needs the same permission as
 * editing; a transition that does not leave the current status is a `conflict`.
 */
export async function transitionJiraIssue(
  ctx: WorkspaceContext,
  actor: Actor,
  input: JiraInput['transitionJiraIssue'],
): Promise<IssueView> {
  const { issueIdOrKey, transition: wanted } = parseInput(
    jiraInputSchemas.transitionJiraIssue,
    input,
  );
  const { issue, project } = await loadVisibleIssue(ctx, actor, issueIdOrKey);
  requireChangeIssue(actor, project, issue, `transition ${issue.key}`);
  const transition = findTransition(project, wanted);
  if (!transition.from.includes(issue.status)) {
    const available = availableFrom(project, issue.status).map((t) => `${t.id} "${t.name}"`);
    throw conflict(
      `Transition ${transition.id} "${transition.name}" cannot be used while ${issue.key} is ` +
        `"${issue.status}". Available now: ${available.join(', ') || 'none'}.`,
    );
  }
  const updated: IssueRecord = { ...issue, status: transition.to, updatedAt: ctx.now() };
  await ctx.records.put(KINDS.issue, issue.key, updated);
  const comments = await loadComments(ctx, COMMENT_STORAGE, issue.key);
  return issueView(updated, project, comments, await loadDirectory(ctx), ctx.site);
}
