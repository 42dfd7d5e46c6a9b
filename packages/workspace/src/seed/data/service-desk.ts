import type { SeedDesk, SeedRequest } from './types.js';

/** The IT help desk: everyone is a customer, bob is an agent. */
export const SEED_DESK: SeedDesk = {
  key: 'HELP',
  name: 'IT Help Desk',
  description: 'Laptops, accounts, access requests and anything else IT can help with.',
  requestTypes: ['Get IT help', 'Request access', 'Report a lost or stolen device', 'New hardware'],
  access: { everyone: 'customer', users: { bob: 'agent' } },
};

/** Requests HELP-1 to HELP-6. Carol sees HELP-2, HELP-4 (hers) and HELP-5 (she takes part). */
export const SEED_REQUESTS: SeedRequest[] = [
  {
    requestType: 'Request access',
    summary: 'Access to the production read replica',
    description: 'I need read access to investigate the slow reporting queries in OPS-3.',
    status: 'Resolved',
    reporter: 'bob',
    created: '2025-01-15T09:00:00Z',
    updated: '2025-01-16T10:00:00Z',
    comments: [{ author: 'alice', at: '2025-01-16T10:00:00Z', body: 'Granted for 30 days.' }],
  },
  {
    requestType: 'Get IT help',
    summary: 'VPN client asks for a certificate on every start',
    description: 'Since the update on Monday the client prompts for my certificate each time.',
    status: 'Resolved',
    reporter: 'carol',
    created: '2025-01-21T08:20:00Z',
    updated: '2025-01-21T14:00:00Z',
    comments: [
      {
        author: 'bob',
        at: '2025-01-21T13:50:00Z',
        body: 'The VPN is being retired; please switch to the zero-trust proxy client.',
      },
    ],
  },
  {
    requestType: 'New hardware',
    summary: 'Second monitor for the Berlin office',
    description: 'A 27-inch monitor with USB-C for desk 4B.',
    status: 'In progress',
    reporter: 'alice',
    created: '2025-02-03T11:00:00Z',
    updated: '2025-02-05T09:30:00Z',
  },
  {
    requestType: 'Report a lost or stolen device',
    summary: 'Phone with the authenticator app left on the train',
    description: 'Lost this morning on the S-Bahn. It has the authenticator app installed.',
    status: 'Waiting for customer',
    reporter: 'carol',
    created: '2025-02-11T07:50:00Z',
    updated: '2025-02-11T08:30:00Z',
    comments: [
      {
        author: 'bob',
        at: '2025-02-11T08:30:00Z',
        body: 'Sessions revoked and device wiped. Please confirm when you have a new phone.',
      },
    ],
  },
  {
    requestType: 'Request access',
    summary: 'Bitbucket access for the new contractor',
    description: 'Carol needs write access to gatehouse/web-app for the accessibility work.',
    status: 'Resolved',
    reporter: 'alice',
    participants: ['carol'],
    created: '2025-02-12T10:00:00Z',
    updated: '2025-02-12T15:00:00Z',
  },
  {
    requestType: 'Get IT help',
    summary: 'Laptop battery drains in two hours',
    description: 'Battery health shows 71%. The laptop is three years old.',
    status: 'Waiting for support',
    reporter: 'bob',
    created: '2025-02-20T16:00:00Z',
    updated: '2025-02-20T16:00:00Z',
  },
];
