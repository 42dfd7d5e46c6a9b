import type { SeedProject } from './types.js';

/**
 * - OPS: everyone may create; bob administers (and leads) it.
 * - WEB: everyone may browse; only bob may create; carol is read-only.
 * - FIN: restricted; bob may browse; carol cannot see it at all.
 */
export const SEED_PROJECTS: SeedProject[] = [
  {
    key: 'OPS',
    name: 'Platform Operations',
    description: 'Infrastructure, on-call, databases and the deployment pipeline.',
    lead: 'bob',
    access: { everyone: 'create', users: { bob: 'administer' } },
    created: '2025-01-06T09:00:00Z',
  },
  {
    key: 'WEB',
    name: 'Customer Web App',
    description: 'The customer-facing web application: sign-in, billing pages, accessibility.',
    lead: 'alice',
    access: { everyone: 'browse', users: { bob: 'create' } },
    created: '2025-01-06T09:30:00Z',
  },
  {
    key: 'FIN',
    name: 'Finance Operations',
    description: 'Month-end close, payroll, vendor payments and audit evidence. Restricted.',
    lead: 'alice',
    access: { everyone: null, users: { bob: 'browse' } },
    created: '2025-01-07T08:00:00Z',
  },
];
