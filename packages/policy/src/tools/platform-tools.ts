/**
 * Platform tools: who the user is, which sites they can reach, and search/fetch across Jira and
 * Confluence together (the shape ChatGPT-style connectors expect).
 *
 * `search` and `fetch` are the documented exceptions to "a tool needs scopes of its own
 * product": they span both products, so each needs the matching scope of both (all-of), and
 * the MCP server still filters every result by what the user may open. A client with one product
 * only uses that product's own search and get tools instead.
 */
import { defineToolSet, READ_ONLY } from './tool-definition.js';

/** Cross-product and account tools; any credential may use them. */
export const PLATFORM_TOOLS = defineToolSet(
  'platform',
  ['oauth', 'api_token'],
  [
    {
      name: 'atlassianUserInfo',
      title: 'Get current user',
      description:
        "Returns the signed-in user's account id, name and email. Use it to find out who " +
        '"me" is before assigning work or searching by user.',
      group: 'read',
      requiredScopes: ['read:me'],
      annotations: READ_ONLY,
    },
    {
      name: 'getAccessibleAtlassianResources',
      title: 'List accessible sites',
      description:
        'Lists the sites this user can reach (cloud id, name, URL) and the products each ' +
        'offers. Call it first to get the cloudId the other tools take.',
      group: 'read',
      requiredScopes: ['read:me'],
      annotations: READ_ONLY,
    },
    {
      name: 'search',
      title: 'Search Jira and Confluence',
      description:
        'Searches Jira issues and Confluence pages together by plain text and returns titles, ' +
        'ids and short snippets; pass an id to `fetch` for the full item. For precise filters ' +
        'use searchJiraIssuesUsingJql or searchConfluenceUsingCql.',
      group: 'search',
      requiredScopes: ['search:jira', 'search:confluence'],
      annotations: READ_ONLY,
    },
    {
      name: 'fetch',
      title: 'Fetch an issue or page',
      description:
        'Fetches one Jira issue or Confluence page, with its full content, by the id (ARI) ' +
        'that `search` returned.',
      group: 'read',
      requiredScopes: ['read:jira-work', 'read:confluence-content'],
      annotations: READ_ONLY,
    },
  ],
);
