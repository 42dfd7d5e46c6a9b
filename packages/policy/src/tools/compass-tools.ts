/** Compass tools: the components catalogue. */
import { defineToolSet, READ_ONLY } from './tool-definition.js';

/** Compass tools; OAuth only (DESIGN.md §5): an API token never reaches them. */
export const COMPASS_TOOLS = defineToolSet(
  'compass',
  ['oauth'],
  [
    {
      name: 'listCompassComponents',
      title: 'List Compass components',
      description:
        'Lists the components of the Compass catalogue (services, libraries, applications), ' +
        'optionally filtered by type or owner team.',
      group: 'read',
      requiredScopes: ['read:compass'],
      annotations: READ_ONLY,
    },
    {
      name: 'getCompassComponent',
      title: 'Get Compass component',
      description:
        'Gets one Compass component: name, type, description, owner team, links and ' +
        'dependencies.',
      group: 'read',
      requiredScopes: ['read:compass'],
      annotations: READ_ONLY,
    },
  ],
);
