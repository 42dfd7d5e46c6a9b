import type { Actor } from '../core/actor.js';
import {
  appendComment,
  type CommentStorage,
  type CommentView,
  commentView,
} from '../core/comments.js';
import type { WorkspaceContext } from '../core/context.js';
import { loadDirectory } from '../core/directory.js';
import { parseInput } from '../core/validation.js';
import type { IssueRecord } from '../model/jira.js';
import { KINDS, SEQUENCES } from '../model/kinds.js';
import { requireProjectPermission } from './access.js';
import { loadVisibleIssue } from './load.js';
import { type JiraInput, jiraInputSchemas } from './schemas.js';

/** Where issue comments live. */
export const COMMENT_STORAGE: CommentStorage = {
  kind: KINDS.issueComment,
  sequence: SEQUENCES.issueComment,
};

/** Adds a comment to an issue; needs `create` in its project. Bumps the issue's `updated`. */
export async function addCommentToJiraIssue(
  ctx: WorkspaceContext,
  actor: Actor,
  input: JiraInput['addCommentToJiraIssue'],
): Promise<CommentView> {
  const { issueIdOrKey, commentBody } = parseInput(jiraInputSchemas.addCommentToJiraIssue, input);
  const { issue, project } = await loadVisibleIssue(ctx, actor, issueIdOrKey);
  requireProjectPermission(actor, project, 'create', `comment on ${issue.key}`);
  const comment = await appendComment(ctx, COMMENT_STORAGE, {
    parentId: issue.key,
    authorId: actor.userId,
    body: commentBody,
  });
  const updated: IssueRecord = { ...issue, updatedAt: comment.createdAt };
  await ctx.records.put(KINDS.issue, issue.key, updated);
  return commentView(comment, await loadDirectory(ctx));
}
