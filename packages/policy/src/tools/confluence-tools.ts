/** Confluence tools: spaces and pages. */
import { ADDS_CONTENT, defineToolSet, OVERWRITES_CONTENT, READ_ONLY } from './tool-definition.js';

/** Confluence tools; any credential may use them. */
export const CONFLUENCE_TOOLS = defineToolSet(
  'confluence',
  ['oauth', 'api_token'],
  [
    {
      name: 'getConfluenceSpaces',
      title: 'List Confluence spaces',
      description: 'Lists the Confluence spaces the user can see (key, name, type).',
      group: 'read',
      requiredScopes: ['read:confluence-content'],
      annotations: READ_ONLY,
    },
    {
      name: 'getConfluencePage',
      title: 'Get Confluence page',
      description: 'Gets one Confluence page by id: title, body (as Markdown), version and space.',
      group: 'read',
      requiredScopes: ['read:confluence-content'],
      annotations: READ_ONLY,
    },
    {
      name: 'searchConfluenceUsingCql',
      title: 'Search Confluence with CQL',
      description:
        'Searches Confluence content with a CQL query (for example `space = ENG AND text ~ ' +
        '"release"`) and returns the matching pages one page of results at a time.',
      group: 'search',
      requiredScopes: ['search:confluence'],
      annotations: READ_ONLY,
    },
    {
      name: 'createConfluencePage',
      title: 'Create Confluence page',
      description:
        'Creates a Confluence page in a space, optionally under a parent page. Every call ' +
        'creates a new page.',
      group: 'write',
      requiredScopes: ['write:confluence-content'],
      annotations: ADDS_CONTENT,
    },
    {
      name: 'updateConfluencePage',
      title: 'Update Confluence page',
      description:
        'Replaces the title and/or body of an existing Confluence page, saving a new version. ' +
        'The content given replaces the current content.',
      group: 'write',
      requiredScopes: ['write:confluence-content'],
      annotations: OVERWRITES_CONTENT,
    },
    {
      name: 'getPagesInConfluenceSpace',
      title: 'List pages in a space',
      description: 'Lists the pages of one Confluence space, optionally filtered by title.',
      group: 'read',
      requiredScopes: ['read:confluence-content'],
      annotations: READ_ONLY,
    },
  ],
);
