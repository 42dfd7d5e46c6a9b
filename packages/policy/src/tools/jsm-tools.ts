/** Service desk (Jira Service Management) tools: customer requests and their comments. */
import { ADDS_CONTENT, defineToolSet, READ_ONLY } from './tool-definition.js';

/** Service desk tools; API tokens only (DESIGN.md §5), so the org must enable API-token auth. */
export const JSM_TOOLS = defineToolSet(
  'jsm',
  ['api_token'],
  [
    {
      name: 'listServiceDeskRequests',
      title: 'List service desk requests',
      description:
        'Lists service desk customer requests the user raised or may see, optionally filtered ' +
        'by service desk or status.',
      group: 'read',
      requiredScopes: ['read:jsm'],
      annotations: READ_ONLY,
    },
    {
      name: 'getServiceDeskRequest',
      title: 'Get service desk request',
      description:
        'Gets one service desk customer request by key or id, with its status, fields and ' +
        'comments.',
      group: 'read',
      requiredScopes: ['read:jsm'],
      annotations: READ_ONLY,
    },
    {
      name: 'createServiceDeskRequest',
      title: 'Raise service desk request',
      description:
        'Raises a customer request in a service desk with a request type, a summary and a ' +
        'description. Every call raises a new request.',
      group: 'write',
      requiredScopes: ['write:jsm'],
      annotations: ADDS_CONTENT,
    },
    {
      name: 'addServiceDeskRequestComment',
      title: 'Comment on service desk request',
      description:
        'Adds a comment to a service desk customer request. Every call adds another comment.',
      group: 'write',
      requiredScopes: ['write:jsm'],
      annotations: ADDS_CONTENT,
    },
  ],
);
