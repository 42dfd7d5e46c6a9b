import type { Actor } from '../core/actor.js';
import { appendComment, type CommentView, commentView, loadComments } from '../core/comments.js';
import type { WorkspaceContext } from '../core/context.js';
import { loadDirectory } from '../core/directory.js';
import { mapPage, type Page, paginate } from '../core/paging.js';
import { parseInput } from '../core/validation.js';
import type { PullRequestRecord, RepositoryRecord } from '../model/bitbucket.js';
import { KINDS } from '../model/kinds.js';
import { hasRepositoryPermission, requireRepositoryPermission } from './access.js';
import { loadReadablePullRequest, loadReadableRepository, PR_COMMENT_STORAGE } from './load.js';
import { type BitbucketInput, bitbucketInputSchemas } from './schemas.js';
import {
  type PullRequestSummaryView,
  type PullRequestView,
  pullRequestSummaryView,
  pullRequestView,
  type RepositoryView,
  repositoryView,
} from './views.js';

/** Repositories the actor may read, optionally of one workspace, ordered by full name. */
export async function listBitbucketRepositories(
  ctx: WorkspaceContext,
  actor: Actor,
  input: BitbucketInput['listBitbucketRepositories'],
): Promise<Page<RepositoryView>> {
  const { workspace, ...paging } = parseInput(
    bitbucketInputSchemas.listBitbucketRepositories,
    input,
  );
  const repositories = (await ctx.records.list<RepositoryRecord>(KINDS.repository)).filter(
    (repo) =>
      hasRepositoryPermission(actor, repo, 'read') &&
      (!workspace || repo.workspace === workspace.toLowerCase()),
  );
  return mapPage(paginate(repositories, paging), (repo) => repositoryView(repo, actor, ctx.site));
}

/** One repository; `not_found` when missing or not readable. */
export async function getBitbucketRepository(
  ctx: WorkspaceContext,
  actor: Actor,
  input: BitbucketInput['getBitbucketRepository'],
): Promise<RepositoryView> {
  const { workspace, repoSlug } = parseInput(bitbucketInputSchemas.getBitbucketRepository, input);
  const repository = await loadReadableRepository(ctx, actor, workspace, repoSlug);
  return repositoryView(repository, actor, ctx.site);
}

/** Pull requests of a readable repository, optionally in one state, newest first. */
export async function listBitbucketPullRequests(
  ctx: WorkspaceContext,
  actor: Actor,
  input: BitbucketInput['listBitbucketPullRequests'],
): Promise<Page<PullRequestSummaryView>> {
  const { workspace, repoSlug, state, ...paging } = parseInput(
    bitbucketInputSchemas.listBitbucketPullRequests,
    input,
  );
  const repository = await loadReadableRepository(ctx, actor, workspace, repoSlug);
  const pullRequests = (await ctx.records.list<PullRequestRecord>(KINDS.pullRequest))
    .filter((pr) => pr.repositoryId === repository.id && (!state || pr.state === state))
    .sort((a, b) => b.number - a.number);
  const directory = await loadDirectory(ctx);
  return mapPage(paginate(pullRequests, paging), (pr) =>
    pullRequestSummaryView(pr, repository, directory, ctx.site),
  );
}

/** One pull request with its comments; `not_found` when missing or not readable. */
export async function getBitbucketPullRequest(
  ctx: WorkspaceContext,
  actor: Actor,
  input: BitbucketInput['getBitbucketPullRequest'],
): Promise<PullRequestView> {
  const target = parseInput(bitbucketInputSchemas.getBitbucketPullRequest, input);
  const { repository, pullRequest } = await loadReadablePullRequest(ctx, actor, target);
  const comments = await loadComments(ctx, PR_COMMENT_STORAGE, pullRequest.id);
  return pullRequestView(pullRequest, repository, comments, await loadDirectory(ctx), ctx.site);
}

/** Comments on a pull request; needs `write` access to its repository. */
export async function addBitbucketPullRequestComment(
  ctx: WorkspaceContext,
  actor: Actor,
  input: BitbucketInput['addBitbucketPullRequestComment'],
): Promise<CommentView> {
  const { commentBody, ...target } = parseInput(
    bitbucketInputSchemas.addBitbucketPullRequestComment,
    input,
  );
  const { repository, pullRequest } = await loadReadablePullRequest(ctx, actor, target);
  requireRepositoryPermission(
    actor,
    repository,
    'write',
    `comment on pull request #${pullRequest.number}`,
  );
  const comment = await appendComment(ctx, PR_COMMENT_STORAGE, {
    parentId: pullRequest.id,
    authorId: actor.userId,
    body: commentBody,
  });
  const updated: PullRequestRecord = { ...pullRequest, updatedAt: comment.createdAt };
  await ctx.records.put(KINDS.pullRequest, pullRequest.id, updated);
  return commentView(comment, await loadDirectory(ctx));
}
