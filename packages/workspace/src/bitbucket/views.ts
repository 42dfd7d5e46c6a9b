import type { Actor } from '../core/actor.js';
import { type CommentView, commentView } from '../core/comments.js';
import { isoTime, type UserDirectory, type UserRef } from '../core/directory.js';
import type { Site } from '../core/site.js';
import type {
  PullRequestRecord,
  PullRequestState,
  RepositoryPermission,
  RepositoryRecord,
} from '../model/bitbucket.js';
import type { CommentRecord } from '../model/jira.js';
import { repositoryPermissionOf } from './access.js';

/** A repository as answers show it. */
export interface RepositoryView {
  /** `workspace/slug`. */
  fullName: string;
  workspace: string;
  slug: string;
  name: string;
  description: string;
  language: string;
  mainBranch: string;
  url: string;
  /** The asking user's access. */
  myPermission: RepositoryPermission;
  /** ISO 8601. */
  updated: string;
}

/** A pull request as lists show it. */
export interface PullRequestSummaryView {
  id: number;
  repository: string;
  title: string;
  state: PullRequestState;
  author: UserRef;
  reviewers: UserRef[];
  sourceBranch: string;
  destinationBranch: string;
  url: string;
  /** ISO 8601. */
  created: string;
  /** ISO 8601. */
  updated: string;
}

/** A pull request with its description and comments. */
export interface PullRequestView extends PullRequestSummaryView {
  description: string;
  comments: CommentView[];
}

function repositoryUrl(site: Site, repository: RepositoryRecord): string {
  return `${site.url}/bitbucket/${repository.workspace}/${repository.slug}`;
}

export function repositoryView(repo: RepositoryRecord, actor: Actor, site: Site): RepositoryView {
  return {
    fullName: repo.id,
    workspace: repo.workspace,
    slug: repo.slug,
    name: repo.name,
    description: repo.description,
    language: repo.language,
    mainBranch: repo.mainBranch,
    url: repositoryUrl(site, repo),
    myPermission: repositoryPermissionOf(actor, repo) ?? 'read',
    updated: isoTime(repo.updatedAt),
  };
}

export function pullRequestSummaryView(
  pr: PullRequestRecord,
  repo: RepositoryRecord,
  directory: UserDirectory,
  site: Site,
): PullRequestSummaryView {
  return {
    id: pr.number,
    repository: repo.id,
    title: pr.title,
    state: pr.state,
    author: directory.ref(pr.authorId),
    reviewers: pr.reviewerIds.map((id) => directory.ref(id)),
    sourceBranch: pr.sourceBranch,
    destinationBranch: pr.destinationBranch,
    url: `${repositoryUrl(site, repo)}/pull-requests/${pr.number}`,
    created: isoTime(pr.createdAt),
    updated: isoTime(pr.updatedAt),
  };
}

export function pullRequestView(
  pr: PullRequestRecord,
  repo: RepositoryRecord,
  comments: readonly CommentRecord[],
  directory: UserDirectory,
  site: Site,
): PullRequestView {
  return {
    ...pullRequestSummaryView(pr, repo, directory, site),
    description: pr.description,
    comments: comments.map((comment) => commentView(comment, directory)),
  };
}
