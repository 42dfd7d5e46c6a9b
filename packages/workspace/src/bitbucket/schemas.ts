import { z } from 'zod';
import { pagingShape } from '../core/paging.js';
import { PULL_REQUEST_STATES } from '../model/bitbucket.js';

/** Longest pull-request comment, in characters. */
export const MAX_PR_COMMENT_LENGTH = 32_767;

const slugPart = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(62, 'must be at most 62 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'may hold only letters, digits, ".", "_" and "-"');
const repository = { workspace: slugPart, repoSlug: slugPart };
const pullRequestId = z.number().int('must be a whole number').min(1, 'must be 1 or more');

/** Input schemas of the Bitbucket tools, by tool name. */
export const bitbucketInputSchemas = {
  listBitbucketRepositories: z.object({ workspace: slugPart.optional(), ...pagingShape }),
  getBitbucketRepository: z.object(repository),
  listBitbucketPullRequests: z.object({
    ...repository,
    state: z.enum(PULL_REQUEST_STATES).optional(),
    ...pagingShape,
  }),
  getBitbucketPullRequest: z.object({ ...repository, pullRequestId }),
  addBitbucketPullRequestComment: z.object({
    ...repository,
    pullRequestId,
    commentBody: z
      .string()
      .max(MAX_PR_COMMENT_LENGTH, `must be at most ${MAX_PR_COMMENT_LENGTH} characters`)
      .trim()
      .min(1, 'must not be empty'),
  }),
};

/** Input types of the Bitbucket tools (before defaults apply). */
export type BitbucketInput = {
  [K in keyof typeof bitbucketInputSchemas]: z.input<(typeof bitbucketInputSchemas)[K]>;
};
