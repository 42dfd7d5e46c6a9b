import type { AccessGrants } from './access.js';

/** Repository access, lowest first: each includes the ones before it. */
export const REPOSITORY_PERMISSIONS = ['read', 'write', 'admin'] as const;
/**
 * - `read`: see the repository and its pull requests.
 * - `write`: also comment on pull requests (stricter than Bitbucket, which lets readers
 *   comment, so that the demo shows a difference between the two).
 * - `admin`: everything.
 */
export type RepositoryPermission = (typeof REPOSITORY_PERMISSIONS)[number];

export const PULL_REQUEST_STATES = ['OPEN', 'MERGED', 'DECLINED'] as const;
export type PullRequestState = (typeof PULL_REQUEST_STATES)[number];

/** Stored under kind `bitbucket.repository`, id = `workspace/slug`. */
export interface RepositoryRecord {
  /** `workspace/slug`, e.g. `gatehouse/web-app`. */
  id: string;
  workspace: string;
  slug: string;
  name: string;
  description: string;
  language: string;
  mainBranch: string;
  access: AccessGrants<RepositoryPermission>;
  createdAt: number;
  updatedAt: number;
}

/** Stored under kind `bitbucket.pull-request`, id = `workspace/slug#number`. */
export interface PullRequestRecord {
  id: string;
  repositoryId: string;
  /** Numbered per repository from 1. */
  number: number;
  title: string;
  description: string;
  state: PullRequestState;
  authorId: string;
  reviewerIds: string[];
  sourceBranch: string;
  destinationBranch: string;
  createdAt: number;
  updatedAt: number;
}
