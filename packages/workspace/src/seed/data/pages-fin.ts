import type { SeedPage } from './types.js';

/** Finance pages. Bob can read all but the salary bands, and edit none; carol sees none. */
export const FIN_PAGES: SeedPage[] = [
  {
    title: 'Finance home',
    author: 'alice',
    created: '2025-01-07T09:05:00Z',
    body: 'Procedures and reports of the finance team. Restricted to finance and leadership.',
  },
  {
    title: 'Month-end close procedure',
    parent: 'Finance home',
    author: 'alice',
    created: '2025-01-07T10:00:00Z',
    updated: '2025-02-06T15:00:00Z',
    version: 4,
    body:
      '1. Reconcile every bank account.\n2. Book accruals for unbilled usage.\n3. Roll ' +
      'forward deferred revenue.\n4. CFO sign-off by the fifth working day.',
  },
  {
    title: 'Budget forecast assumptions',
    parent: 'Finance home',
    author: 'alice',
    created: '2025-02-08T11:00:00Z',
    body:
      'Headcount grows from 42 to 55. Cloud spend grows with usage at 2.1 EUR per active ' +
      'user per month. Three scenarios: 20%, 35% and 50% user growth.',
  },
  {
    title: 'Vendor payment runs',
    parent: 'Finance home',
    author: 'alice',
    created: '2025-01-20T09:00:00Z',
    body: 'Payment runs on the 10th and 25th. Invoices need an approved PO to be paid.',
  },
  {
    title: 'Q4 revenue report',
    parent: 'Finance home',
    author: 'alice',
    created: '2025-01-31T16:00:00Z',
    body:
      'Q4 revenue 1.84 M EUR, up 22% on Q3. Net revenue retention 118%. Churn concentrated ' +
      'in the smallest plan.',
  },
  {
    title: 'Salary bands 2025',
    parent: 'Finance home',
    author: 'alice',
    created: '2025-01-12T10:00:00Z',
    restrictions: { view: ['alice'] },
    body: 'Salary bands by level and location. Visible to the CFO and HR only.',
  },
];
