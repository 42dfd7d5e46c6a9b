import type { SeedSpace } from './types.js';

/**
 * - ENG: everyone may edit.
 * - TEAM: everyone may view; bob may edit; carol is read-only.
 * - FIN: restricted; bob may view but not edit; carol cannot see it at all.
 */
export const SEED_SPACES: SeedSpace[] = [
  {
    key: 'ENG',
    name: 'Engineering',
    description: 'Architecture notes, runbooks, postmortems and how we work.',
    access: { everyone: 'edit', users: {} },
    created: '2025-01-06T10:00:00Z',
  },
  {
    key: 'TEAM',
    name: 'Team Handbook',
    description: 'Company-wide handbook: onboarding, holidays, tools and policies.',
    access: { everyone: 'view', users: { bob: 'edit' } },
    created: '2025-01-06T10:30:00Z',
  },
  {
    key: 'FIN',
    name: 'Finance',
    description: 'Month-end close, budgets and finance procedures. Restricted.',
    access: { everyone: null, users: { bob: 'view' } },
    created: '2025-01-07T09:00:00Z',
  },
];
