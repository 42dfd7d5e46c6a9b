import type { SeedComponent } from './types.js';

/** The component catalogue; every member of the org can read it. */
export const SEED_COMPONENTS: SeedComponent[] = [
  {
    id: 'authorization-server',
    name: 'Authorization server',
    type: 'SERVICE',
    ownerTeam: 'Identity',
    description: 'OAuth 2.1 authorization server: login, consent, tokens, introspection.',
    labels: ['oauth', 'tier-1'],
    created: '2025-01-06T13:00:00Z',
  },
  {
    id: 'mcp-server',
    name: 'MCP server',
    type: 'SERVICE',
    ownerTeam: 'Identity',
    description: 'MCP resource server exposing the work tools to AI clients.',
    labels: ['mcp', 'tier-1'],
    created: '2025-01-06T13:05:00Z',
  },
  {
    id: 'web-app',
    name: 'Customer web app',
    type: 'APPLICATION',
    ownerTeam: 'Web',
    description: 'The customer-facing web application.',
    labels: ['frontend', 'tier-1'],
    created: '2025-01-06T13:10:00Z',
  },
  {
    id: 'billing-service',
    name: 'Billing service',
    type: 'SERVICE',
    ownerTeam: 'Payments',
    description: 'Invoices, VAT rates and payment processor integration.',
    labels: ['billing', 'tier-2'],
    created: '2025-01-08T10:00:00Z',
  },
  {
    id: 'design-system',
    name: 'Design system',
    type: 'LIBRARY',
    ownerTeam: 'Web',
    description: 'Shared UI components, tokens and accessibility patterns.',
    labels: ['frontend', 'accessibility'],
    created: '2025-01-09T10:00:00Z',
  },
  {
    id: 'log-pipeline',
    name: 'Log pipeline',
    type: 'OTHER',
    ownerTeam: 'Platform',
    description: 'Log shipping, retention and search for every service.',
    labels: ['observability'],
    created: '2025-01-10T10:00:00Z',
  },
];
