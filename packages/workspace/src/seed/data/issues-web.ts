import type { SeedIssue } from './types.js';

/** Customer Web App issues: WEB-1 to WEB-16. */
export const WEB_ISSUES: SeedIssue[] = [
  {
    summary: 'Sign-in button does nothing in Safari 17',
    description:
      'Clicking **Sign in** on Safari 17 does not submit the form. The console shows a ' +
      'blocked inline script; the new CSP rejects it. Move the handler into the bundle.',
    type: 'Bug',
    status: 'Done',
    priority: 'Highest',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['auth', 'safari', 'csp'],
    created: '2025-01-10T08:15:00Z',
    updated: '2025-01-10T17:50:00Z',
    comments: [
      {
        author: 'bob',
        at: '2025-01-10T17:50:00Z',
        body: 'Fixed in web-app PR #1; verified on Safari 17.2 and 17.3.',
      },
    ],
  },
  {
    summary: 'Checkout form is not usable with a screen reader',
    description:
      'The card fields have no labels and errors are announced only by colour. Label every ' +
      'input, tie errors to fields with aria-describedby and move focus to the first error.',
    type: 'Story',
    status: 'In Progress',
    priority: 'High',
    assignee: 'carol',
    reporter: 'alice',
    labels: ['accessibility', 'checkout'],
    created: '2025-01-13T11:00:00Z',
    updated: '2025-02-19T10:20:00Z',
    comments: [
      {
        author: 'bob',
        at: '2025-02-19T10:20:00Z',
        body: 'Labels and focus handling are merged; VoiceOver testing on iOS is still open.',
      },
    ],
  },
  {
    summary: 'Dark mode for the account pages',
    description:
      'Follow the system preference with prefers-color-scheme and let users override it ' +
      'in their profile. Check contrast ratios against WCAG AA.',
    type: 'Story',
    status: 'To Do',
    priority: 'Low',
    assignee: null,
    reporter: 'bob',
    labels: ['ui', 'accessibility'],
    created: '2025-01-15T14:30:00Z',
    updated: '2025-01-15T14:30:00Z',
  },
  {
    summary: 'Largest contentful paint above 4 s on the pricing page',
    description:
      'The hero image is a 2.4 MB PNG. Serve AVIF/WebP in three sizes, preload the first ' +
      'one and lazy-load the customer logos below the fold.',
    type: 'Bug',
    status: 'In Review',
    priority: 'Medium',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['performance'],
    created: '2025-01-17T09:05:00Z',
    updated: '2025-02-17T16:10:00Z',
  },
  {
    summary: 'Password reset email links expire too early',
    description:
      'Links expire after 10 minutes but many corporate mail filters delay delivery by 15. ' +
      'Raise the lifetime to 60 minutes and make the links single-use.',
    type: 'Bug',
    status: 'Done',
    priority: 'High',
    assignee: 'bob',
    reporter: 'bob',
    labels: ['auth', 'email'],
    created: '2025-01-21T10:40:00Z',
    updated: '2025-01-29T12:00:00Z',
  },
  {
    summary: 'Translate the billing pages into German and French',
    description:
      'Sales closed two customers in the DACH region and one in France. Extract the strings, ' +
      'send them to the translation vendor and add a language switcher.',
    type: 'Epic',
    status: 'To Do',
    priority: 'Medium',
    assignee: 'alice',
    reporter: 'alice',
    labels: ['i18n', 'billing'],
    created: '2025-01-23T13:15:00Z',
    updated: '2025-02-03T09:00:00Z',
  },
  {
    summary: 'Cookie consent banner covers the Sign in button on mobile',
    description:
      'On screens narrower than 380 px the banner overlaps the form. Make it a bottom sheet ' +
      'that does not cover interactive elements.',
    type: 'Bug',
    status: 'In Progress',
    priority: 'Medium',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['mobile', 'ui'],
    created: '2025-01-30T08:50:00Z',
    updated: '2025-02-20T11:45:00Z',
  },
  {
    summary: 'Show connected apps on the account page',
    description:
      'Users should see which AI clients hold access, when each was last used, and revoke ' +
      'one with a single click. The authorization server already exposes the data.',
    type: 'Story',
    status: 'In Progress',
    priority: 'High',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['oauth', 'account'],
    created: '2025-02-04T10:00:00Z',
    updated: '2025-02-23T15:30:00Z',
    comments: [
      {
        author: 'alice',
        at: '2025-02-05T09:00:00Z',
        body: 'Please show the redirect host next to each app, like the consent screen does.',
      },
    ],
  },
  {
    summary: 'Invoice PDF shows the wrong VAT rate for Austria',
    description:
      'Austrian customers see 19% instead of 20%. The rate table was copied from Germany. ' +
      'Fix the table and regenerate the January invoices for the three affected customers.',
    type: 'Bug',
    status: 'To Do',
    priority: 'High',
    assignee: 'alice',
    reporter: 'bob',
    labels: ['billing', 'tax'],
    created: '2025-02-06T15:20:00Z',
    updated: '2025-02-07T08:30:00Z',
  },
  {
    summary: 'Keyboard focus is invisible on the settings tabs',
    description:
      'The focus ring was removed with outline: none. Restore a visible focus style that ' +
      'meets the 3:1 contrast requirement.',
    type: 'Bug',
    status: 'Done',
    priority: 'Medium',
    assignee: 'carol',
    reporter: 'alice',
    labels: ['accessibility'],
    created: '2025-02-07T11:10:00Z',
    updated: '2025-02-12T14:00:00Z',
  },
  {
    summary: 'Remember the last used organization after sign-in',
    description:
      'People in several orgs land on the first org every time. Store the last choice per ' +
      'user and send them there after sign-in.',
    type: 'Story',
    status: 'To Do',
    priority: 'Low',
    assignee: null,
    reporter: 'bob',
    labels: ['account'],
    created: '2025-02-10T09:35:00Z',
    updated: '2025-02-10T09:35:00Z',
  },
  {
    summary: 'Error page leaks stack traces in staging builds',
    description:
      'Staging builds render the full stack trace on 500 pages and staging is reachable from ' +
      'the internet. Render the generic error page in every non-development build.',
    type: 'Bug',
    status: 'In Review',
    priority: 'High',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['security'],
    created: '2025-02-13T16:00:00Z',
    updated: '2025-02-21T10:05:00Z',
  },
  {
    summary: 'Upgrade the UI component library to v5',
    description:
      'v4 is no longer maintained. The main breaking changes are the new theming API and ' +
      'the removal of the legacy grid.',
    type: 'Task',
    status: 'To Do',
    priority: 'Medium',
    assignee: 'bob',
    reporter: 'bob',
    labels: ['upgrade', 'ui'],
    created: '2025-02-14T12:20:00Z',
    updated: '2025-02-14T12:20:00Z',
  },
  {
    summary: 'Add end-to-end tests for the consent screen',
    description:
      'Cover Allow, Deny, a client with a redirect host on another domain, and keyboard-only ' +
      'use. Run them in CI on Chromium and WebKit.',
    type: 'Task',
    status: 'In Progress',
    priority: 'Medium',
    assignee: 'carol',
    reporter: 'bob',
    labels: ['testing', 'oauth'],
    created: '2025-02-17T09:00:00Z',
    updated: '2025-02-24T17:15:00Z',
  },
  {
    summary: 'Customers cannot download invoices older than 12 months',
    description:
      'The invoice list only queries the last year. Add paging and a year filter so older ' +
      'invoices are reachable.',
    type: 'Bug',
    status: 'To Do',
    priority: 'Medium',
    assignee: null,
    reporter: 'alice',
    labels: ['billing'],
    created: '2025-02-20T10:45:00Z',
    updated: '2025-02-20T10:45:00Z',
  },
  {
    summary: 'Status page link in the footer points to the old domain',
    description: 'Update the footer link to status.gatehouse.example and add a redirect.',
    type: 'Task',
    status: 'Done',
    priority: 'Lowest',
    assignee: 'bob',
    reporter: 'bob',
    labels: ['cleanup'],
    created: '2025-02-21T13:00:00Z',
    updated: '2025-02-21T13:25:00Z',
  },
];
