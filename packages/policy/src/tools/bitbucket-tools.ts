/** Bitbucket tools: repositories, pull requests and pull-request comments. */
import { ADDS_CONTENT, defineToolSet, READ_ONLY } from './tool-definition.js';

/** Bitbucket tools; API tokens only (DESIGN.md §5), so the org must enable API-token auth. */
export const BITBUCKET_TOOLS = defineToolSet(
  'bitbucket',
  ['api_token'],
  [
    {
      name: 'listBitbucketRepositories',
      title: 'List Bitbucket repositories',
      description: 'Lists the Bitbucket repositories the user can see, optionally by workspace.',
      group: 'read',
      requiredScopes: ['read:bitbucket'],
      annotations: READ_ONLY,
    },
    {
      name: 'getBitbucketRepository',
      title: 'Get Bitbucket repository',
      description:
        'Gets one Bitbucket repository: name, description, main branch, language and links.',
      group: 'read',
      requiredScopes: ['read:bitbucket'],
      annotations: READ_ONLY,
    },
    {
      name: 'listBitbucketPullRequests',
      title: 'List pull requests',
      description:
        'Lists the pull requests of a Bitbucket repository, optionally filtered by state ' +
        '(open, merged, declined).',
      group: 'read',
      requiredScopes: ['read:bitbucket'],
      annotations: READ_ONLY,
    },
    {
      name: 'getBitbucketPullRequest',
      title: 'Get pull request',
      description:
        'Gets one Bitbucket pull request: title, description, author, branches, reviewers, ' +
        'state and comments.',
      group: 'read',
      requiredScopes: ['read:bitbucket'],
      annotations: READ_ONLY,
    },
    {
      name: 'addBitbucketPullRequestComment',
      title: 'Comment on pull request',
      description: 'Adds a comment to a Bitbucket pull request. Every call adds another comment.',
      group: 'write',
      requiredScopes: ['write:bitbucket'],
      annotations: ADDS_CONTENT,
    },
  ],
);
