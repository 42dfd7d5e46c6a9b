import type { SeedIssue } from './types.js';

/** Finance Operations issues: FIN-1 to FIN-8. Carol cannot see any of them. */
export const FIN_ISSUES: SeedIssue[] = [
  {
    summary: 'January month-end close checklist',
    description:
      'Bank reconciliations, accruals for unbilled cloud usage, deferred revenue roll-forward ' +
      'and sign-off by the CFO by the fifth working day.',
    type: 'Task',
    status: 'Done',
    priority: 'High',
    assignee: 'alice',
    reporter: 'alice',
    labels: ['month-end'],
    created: '2025-01-27T09:00:00Z',
    updated: '2025-02-06T16:00:00Z',
  },
  {
    summary: 'Reconcile vendor invoices against purchase orders',
    description:
      'Twelve invoices from the hosting provider have no matching purchase order. Find the ' +
      'owners and raise retrospective POs or dispute the charges.',
    type: 'Task',
    status: 'In Progress',
    priority: 'Medium',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['vendors', 'reconciliation'],
    created: '2025-02-03T10:30:00Z',
    updated: '2025-02-19T11:00:00Z',
    comments: [
      {
        author: 'alice',
        at: '2025-02-19T11:00:00Z',
        body: 'Bob matched nine of twelve to the infrastructure budget; three are still open.',
      },
    ],
  },
  {
    summary: 'Payroll export fails for employees with two cost centres',
    description:
      'The payroll provider rejects rows whose cost-centre split does not sum to 100%. ' +
      'Rounding to two decimals produces 99.99%.',
    type: 'Bug',
    status: 'To Do',
    priority: 'Highest',
    assignee: 'alice',
    reporter: 'alice',
    labels: ['payroll'],
    created: '2025-02-05T08:10:00Z',
    updated: '2025-02-05T08:10:00Z',
  },
  {
    summary: 'Budget forecast for the next fiscal year',
    description:
      'Collect headcount plans from team leads, model cloud spend at three growth rates and ' +
      'present the forecast to the board in March.',
    type: 'Epic',
    status: 'In Progress',
    priority: 'High',
    assignee: 'alice',
    reporter: 'alice',
    labels: ['budget', 'planning'],
    created: '2025-02-07T14:00:00Z',
    updated: '2025-02-22T10:30:00Z',
  },
  {
    summary: 'Collect SOC 2 evidence for access reviews',
    description:
      'The auditors want evidence of quarterly access reviews for finance systems: exports, ' +
      'approvals and removal tickets.',
    type: 'Task',
    status: 'In Review',
    priority: 'Medium',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['audit', 'compliance'],
    created: '2025-02-10T11:45:00Z',
    updated: '2025-02-21T15:40:00Z',
  },
  {
    summary: 'Card payouts do not match the bank statement for 14 February',
    description:
      'The payment processor reports 48,210.55 EUR paid out; the bank received 48,190.55. ' +
      'The 20 EUR difference looks like a chargeback fee booked on the wrong day.',
    type: 'Bug',
    status: 'Done',
    priority: 'High',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['payments', 'reconciliation'],
    created: '2025-02-15T09:20:00Z',
    updated: '2025-02-18T12:10:00Z',
  },
  {
    summary: 'Update the travel and expense policy',
    description:
      'Raise the hotel cap for London and New York, require receipts above 25 EUR and make ' +
      'the approval chain two levels for anything above 2,000 EUR.',
    type: 'Story',
    status: 'To Do',
    priority: 'Low',
    assignee: null,
    reporter: 'alice',
    labels: ['policy'],
    created: '2025-02-18T13:00:00Z',
    updated: '2025-02-18T13:00:00Z',
  },
  {
    summary: 'Approve purchase request for load-testing licences',
    description:
      'Engineering requests 3 seats of the load-testing service for 12 months, 7,800 EUR ' +
      'in total. Budget line: platform tooling.',
    type: 'Task',
    status: 'To Do',
    priority: 'Medium',
    assignee: 'alice',
    reporter: 'alice',
    labels: ['procurement'],
    created: '2025-02-24T09:30:00Z',
    updated: '2025-02-24T09:30:00Z',
  },
];
