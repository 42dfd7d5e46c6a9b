import type { Actor } from '../core/actor.js';
import type { CommentStorage } from '../core/comments.js';
import type { WorkspaceContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import type { PullRequestRecord, RepositoryRecord } from '../model/bitbucket.js';
import { KINDS, SEQUENCES } from '../model/kinds.js';
import { hasRepositoryPermission } from './access.js';

/** Where pull-request comments live. */
export const PR_COMMENT_STORAGE: CommentStorage = {
  kind: KINDS.pullRequestComment,
  sequence: SEQUENCES.pullRequestComment,
};

/** The record id of a pull request: `workspace/slug#number`. */
export function pullRequestRecordId(repositoryId: string, number: number): string {
  return `${repositoryId}#${number}`;
}

/** A repository the actor may read; `not_found` otherwise, same as for a missing one. */
export async function loadReadableRepository(
  ctx: WorkspaceContext,
  actor: Actor,
  workspace: string,
  slug: string,
): Promise<RepositoryRecord> {
  const id = `${workspace}/${slug}`.toLowerCase();
  const repository = await ctx.records.get<RepositoryRecord>(KINDS.repository, id);
  if (!repository || !hasRepositoryPermission(actor, repository, 'read')) {
    throw notFound(`Repository ${workspace}/${slug}`);
  }
  return repository;
}

/** A pull request of a readable repository; `not_found` otherwise. */
export async function loadReadablePullRequest(
  ctx: WorkspaceContext,
  actor: Actor,
  target: { workspace: string; repoSlug: string; pullRequestId: number },
): Promise<{ repository: RepositoryRecord; pullRequest: PullRequestRecord }> {
  const repository = await loadReadableRepository(ctx, actor, target.workspace, target.repoSlug);
  const id = pullRequestRecordId(repository.id, target.pullRequestId);
  const pullRequest = await ctx.records.get<PullRequestRecord>(KINDS.pullRequest, id);
  if (!pullRequest) throw notFound(`Pull request #${target.pullRequestId} in ${repository.id}`);
  return { repository, pullRequest };
}
