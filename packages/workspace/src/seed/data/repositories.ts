import type { SeedRepository } from './types.js';

/**
 * - web-app: everyone reads; carol writes; bob administers.
 * - infra: restricted; bob writes; carol reads (so may not comment).
 * - finance-reports: restricted; bob reads; carol cannot see it.
 */
export const SEED_REPOSITORIES: SeedRepository[] = [
  {
    workspace: 'gatehouse',
    slug: 'web-app',
    name: 'web-app',
    description: 'The customer web application.',
    language: 'TypeScript',
    access: { everyone: 'read', users: { bob: 'admin', carol: 'write' } },
    created: '2025-01-06T12:00:00Z',
    pullRequests: [
      {
        title: 'Move the sign-in handler out of an inline script (WEB-1)',
        description: 'The CSP blocks inline scripts; Safari enforces it strictly.',
        state: 'MERGED',
        author: 'bob',
        reviewers: ['alice'],
        sourceBranch: 'fix/WEB-1-inline-script',
        created: '2025-01-10T12:00:00Z',
        updated: '2025-01-10T17:40:00Z',
      },
      {
        title: 'Label checkout fields and announce errors (WEB-2)',
        description: 'Adds labels, aria-describedby for errors and focus management.',
        state: 'OPEN',
        author: 'carol',
        reviewers: ['bob'],
        sourceBranch: 'feature/WEB-2-checkout-a11y',
        created: '2025-02-18T09:00:00Z',
        updated: '2025-02-19T10:00:00Z',
        comments: [
          {
            author: 'bob',
            at: '2025-02-19T10:00:00Z',
            body: 'Looks good. Can you add a test for focus moving to the first error?',
          },
        ],
      },
      {
        title: 'Experiment: new pricing page layout',
        description: 'Superseded by the design refresh.',
        state: 'DECLINED',
        author: 'bob',
        reviewers: ['alice'],
        sourceBranch: 'experiment/pricing-layout',
        created: '2025-01-25T14:00:00Z',
        updated: '2025-02-01T09:00:00Z',
      },
    ],
  },
  {
    workspace: 'gatehouse',
    slug: 'infra',
    name: 'infra',
    description: 'Terraform and Kubernetes manifests for every environment.',
    language: 'HCL',
    access: { everyone: null, users: { bob: 'write', carol: 'read' } },
    created: '2025-01-06T12:30:00Z',
    pullRequests: [
      {
        title: 'Raise the introspection connection pool to 50 (OPS-9)',
        description: 'Follow-up from the 12 February incident.',
        state: 'MERGED',
        author: 'bob',
        reviewers: ['alice'],
        sourceBranch: 'fix/OPS-9-pool-size',
        created: '2025-02-13T10:00:00Z',
        updated: '2025-02-13T15:00:00Z',
      },
      {
        title: 'Require team and cost-centre tags (OPS-7)',
        description: 'Adds a validation to every module; the plan fails when tags are missing.',
        state: 'OPEN',
        author: 'bob',
        reviewers: ['alice', 'carol'],
        sourceBranch: 'feature/OPS-7-tags',
        created: '2025-02-20T11:00:00Z',
        updated: '2025-02-21T09:00:00Z',
      },
    ],
  },
  {
    workspace: 'gatehouse',
    slug: 'finance-reports',
    name: 'finance-reports',
    description: 'SQL and notebooks behind the monthly finance reports.',
    language: 'Python',
    access: { everyone: null, users: { bob: 'read' } },
    created: '2025-01-07T12:00:00Z',
    pullRequests: [
      {
        title: 'Split deferred revenue by plan',
        description: 'The board asked for deferred revenue per plan in the Q4 report.',
        state: 'OPEN',
        author: 'alice',
        reviewers: ['bob'],
        sourceBranch: 'feature/deferred-by-plan',
        created: '2025-02-05T10:00:00Z',
        updated: '2025-02-05T10:00:00Z',
      },
    ],
  },
];
