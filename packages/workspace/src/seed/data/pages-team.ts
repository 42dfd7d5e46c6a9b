import type { SeedPage } from './types.js';

/** Team Handbook pages. Everyone can read them; only bob (and alice) can edit. */
export const TEAM_PAGES: SeedPage[] = [
  {
    title: 'Welcome to the team',
    author: 'alice',
    created: '2025-01-06T10:35:00Z',
    body: 'This handbook explains how we work. Ask in #people if anything is unclear.',
  },
  {
    title: 'Onboarding checklist',
    parent: 'Welcome to the team',
    author: 'alice',
    created: '2025-01-06T11:00:00Z',
    updated: '2025-02-01T10:00:00Z',
    version: 2,
    body:
      '- Laptop and accounts on day one\n- Meet your onboarding buddy\n- Ship a small change ' +
      'in your first week\n- Read the security policy',
  },
  {
    title: 'Holidays and time off',
    parent: 'Welcome to the team',
    author: 'bob',
    created: '2025-01-07T09:00:00Z',
    body: '28 days a year plus public holidays. Book time off in the HR tool two weeks ahead.',
  },
  {
    title: 'Tools we use',
    parent: 'Welcome to the team',
    author: 'bob',
    created: '2025-01-07T10:00:00Z',
    body:
      'Issues in Jira, documents in Confluence, code in Bitbucket, the service catalogue in ' +
      'Compass, IT help through the HELP service desk.',
  },
  {
    title: 'Security policy',
    parent: 'Welcome to the team',
    author: 'alice',
    created: '2025-01-08T08:00:00Z',
    body:
      'Use the password manager, turn on two-factor authentication everywhere, and report ' +
      'lost devices to the HELP desk within one hour.',
  },
  {
    title: 'Working with AI agents',
    parent: 'Tools we use',
    author: 'alice',
    created: '2025-02-10T13:00:00Z',
    body:
      'AI clients connect through the MCP server with your own permissions. Review what you ' +
      'allow on the consent screen and revoke apps you no longer use under /account.',
  },
  {
    title: 'Expense claims',
    parent: 'Welcome to the team',
    author: 'bob',
    created: '2025-01-15T12:00:00Z',
    body: 'Submit receipts within 30 days. Anything above 500 EUR needs approval beforehand.',
  },
  {
    title: 'Office and remote work',
    parent: 'Welcome to the team',
    author: 'alice',
    created: '2025-01-16T09:00:00Z',
    body: 'Work from anywhere in your country of employment. The office is open 8:00 to 20:00.',
  },
];
