import type { SeedPage } from './types.js';

/** Engineering pages. The credentials postmortem (and its child) only alice and bob can view. */
export const ENG_PAGES: SeedPage[] = [
  {
    title: 'Engineering home',
    author: 'alice',
    created: '2025-01-06T10:05:00Z',
    body:
      '# Engineering\n\nStart here. Runbooks live under **Operations**, postmortems under ' +
      '**Incident postmortems**, design notes under **Architecture**.',
  },
  {
    title: 'Architecture',
    parent: 'Engineering home',
    author: 'alice',
    created: '2025-01-06T11:00:00Z',
    body:
      'Two services: the authorization server (OAuth 2.1, oidc-provider on Koa) and the MCP ' +
      'resource server. The resource server validates every token by introspection.',
  },
  {
    title: 'Token lifetimes and rotation',
    parent: 'Architecture',
    author: 'bob',
    created: '2025-01-13T14:00:00Z',
    updated: '2025-02-10T09:30:00Z',
    version: 3,
    body:
      'Access tokens live 10 minutes. Refresh tokens rotate on every use for public clients; ' +
      'presenting a used refresh token revokes the whole grant.\n\n- API tokens: 1 to 365 days\n' +
      '- Signing keys: rotated every 90 days',
  },
  {
    title: 'Storage backends',
    parent: 'Architecture',
    author: 'bob',
    created: '2025-01-14T10:00:00Z',
    body:
      'SQLite is the embedded default. Redis is used when REDIS_URL is set, for deployments ' +
      'with several instances of each app.',
  },
  {
    title: 'Operations',
    parent: 'Engineering home',
    author: 'bob',
    created: '2025-01-08T09:00:00Z',
    body: 'Runbooks for the services we run. Every alert links to one of these pages.',
  },
  {
    title: 'Runbook: introspection latency',
    parent: 'Operations',
    author: 'carol',
    created: '2025-02-14T11:00:00Z',
    updated: '2025-02-18T16:00:00Z',
    version: 2,
    body:
      '## Symptoms\np99 introspection latency above 300 ms for 5 minutes.\n\n## Steps\n' +
      '1. Check the connection pool gauge.\n2. Check database CPU.\n3. If the pool is full, ' +
      'scale the authorization server out by one instance.',
  },
  {
    title: 'On-call policy',
    parent: 'Operations',
    author: 'alice',
    created: '2025-01-09T08:00:00Z',
    restrictions: { edit: ['alice'] },
    body:
      'Weekly rotation, handover on Mondays at 10:00. Acknowledge pages within 15 minutes. ' +
      'Only the engineering manager edits this policy.',
  },
  {
    title: 'Incident postmortems',
    parent: 'Engineering home',
    author: 'alice',
    created: '2025-01-10T12:00:00Z',
    body: 'Blameless write-ups of every customer-facing incident.',
  },
  {
    title: 'Postmortem: introspection timeouts on 12 February',
    parent: 'Incident postmortems',
    author: 'bob',
    created: '2025-02-13T08:30:00Z',
    body:
      'Impact: 9 minutes of failed tool calls. Cause: introspection connection pool capped ' +
      'at 10. Follow-up: OPS-9.',
  },
  {
    title: 'Postmortem: staging credentials in a public log',
    parent: 'Incident postmortems',
    author: 'alice',
    created: '2025-02-02T15:00:00Z',
    restrictions: { view: ['alice', 'bob'] },
    body:
      'A staging database password appeared in a public CI log for 40 minutes. It was rotated ' +
      'and no access from unknown addresses was found. Details stay restricted until the ' +
      'customer notifications are complete.',
  },
  {
    title: 'Credential rotation log',
    parent: 'Postmortem: staging credentials in a public log',
    author: 'bob',
    created: '2025-02-03T09:00:00Z',
    body: '- 2 Feb 15:40 staging DB password rotated\n- 3 Feb 09:00 CI tokens rotated',
  },
  {
    title: 'Code review guidelines',
    parent: 'Engineering home',
    author: 'carol',
    created: '2025-01-20T10:00:00Z',
    body:
      'Review within one working day. Approve when you would be happy to maintain the code. ' +
      'Prefix optional remarks with "nit:".',
  },
];
