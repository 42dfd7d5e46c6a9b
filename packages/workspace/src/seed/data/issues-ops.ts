import type { SeedIssue } from './types.js';

/** Platform Operations issues: OPS-1 to OPS-18. */
export const OPS_ISSUES: SeedIssue[] = [
  {
    summary: 'Upgrade production Postgres from 14 to 16',
    description:
      'Postgres 14 leaves extended support next year. Plan: rehearse on staging with ' +
      'pg_upgrade --link, measure downtime, then schedule a 30-minute maintenance window.',
    type: 'Epic',
    status: 'In Progress',
    priority: 'High',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['database', 'upgrade'],
    created: '2025-01-08T10:12:00Z',
    updated: '2025-02-20T16:40:00Z',
    comments: [
      {
        author: 'bob',
        at: '2025-02-03T11:00:00Z',
        body: 'Staging rehearsal done: 11 minutes of downtime, mostly ANALYZE afterwards.',
      },
      {
        author: 'alice',
        at: '2025-02-04T09:15:00Z',
        body: 'Good. Please book the window with support before announcing it.',
      },
    ],
  },
  {
    summary: 'TLS certificate for api.gatehouse.example expires in 14 days',
    description:
      'The certificate monitor fired. Renewal is automated with ACME but the DNS-01 hook ' +
      'failed on the last run because the DNS API token was rotated.',
    type: 'Bug',
    status: 'Done',
    priority: 'Highest',
    assignee: 'carol',
    reporter: 'bob',
    labels: ['tls', 'on-call'],
    created: '2025-01-09T07:45:00Z',
    updated: '2025-01-09T15:20:00Z',
    comments: [
      {
        author: 'carol',
        at: '2025-01-09T15:18:00Z',
        body: 'Updated the DNS token in the secret store and re-ran the job. New cert valid.',
      },
    ],
  },
  {
    summary: 'Redis memory alerts every night during the batch export',
    description:
      'Memory climbs to 92% between 02:00 and 02:30 UTC. The export job keeps full result ' +
      'sets in one key; stream them instead, or give the job its own instance.',
    type: 'Bug',
    status: 'To Do',
    priority: 'High',
    assignee: null,
    reporter: 'carol',
    labels: ['redis', 'alerts'],
    created: '2025-01-14T08:30:00Z',
    updated: '2025-01-15T10:05:00Z',
  },
  {
    summary: 'Write the on-call runbook for the authorization server',
    description:
      'Cover: how to read the audit log, how to revoke every token of a client, how to ' +
      'rotate signing keys, and who to call when introspection latency goes above 200 ms.',
    type: 'Task',
    status: 'In Review',
    priority: 'Medium',
    assignee: 'carol',
    reporter: 'bob',
    labels: ['on-call', 'docs'],
    created: '2025-01-16T13:00:00Z',
    updated: '2025-02-18T14:22:00Z',
    comments: [
      {
        author: 'bob',
        at: '2025-02-18T14:22:00Z',
        body: 'Draft reads well. Add the dashboard links and the escalation phone tree.',
      },
    ],
  },
  {
    summary: 'Move nightly backups to a second region',
    description:
      'Backups and production share a region today. Copy the encrypted snapshots to the ' +
      'secondary region and test a restore from there once a month.',
    type: 'Story',
    status: 'To Do',
    priority: 'High',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['backup', 'disaster-recovery'],
    created: '2025-01-20T09:40:00Z',
    updated: '2025-01-20T09:40:00Z',
  },
  {
    summary: 'Log pipeline drops lines longer than 16 KB',
    description:
      'Stack traces from the MCP server are cut off in the log search. The shipper has a ' +
      'default max line size of 16 KB; raise it to 256 KB and add a counter for truncations.',
    type: 'Bug',
    status: 'In Progress',
    priority: 'Medium',
    assignee: 'carol',
    reporter: 'carol',
    labels: ['logging'],
    created: '2025-01-22T15:10:00Z',
    updated: '2025-02-11T12:00:00Z',
  },
  {
    summary: 'Tag every cloud resource with team and cost centre',
    description:
      'Finance cannot split the cloud bill by team. Add `team` and `cost-centre` tags in ' +
      'the Terraform modules and fail the plan when they are missing.',
    type: 'Task',
    status: 'To Do',
    priority: 'Low',
    assignee: null,
    reporter: 'alice',
    labels: ['cost', 'terraform'],
    created: '2025-01-27T11:25:00Z',
    updated: '2025-01-27T11:25:00Z',
  },
  {
    summary: 'Staging deploys take 25 minutes',
    description:
      'Most of the time goes to building the same Docker layers again. Turn on the build ' +
      'cache in CI and split the test stage so it can run in parallel.',
    type: 'Story',
    status: 'Done',
    priority: 'Medium',
    assignee: 'bob',
    reporter: 'carol',
    labels: ['ci', 'performance'],
    created: '2025-01-28T10:00:00Z',
    updated: '2025-02-07T17:30:00Z',
    comments: [
      {
        author: 'bob',
        at: '2025-02-07T17:30:00Z',
        body: 'Down to 7 minutes with layer caching and three parallel test shards.',
      },
    ],
  },
  {
    summary: 'Incident follow-up: introspection timeouts on 12 February',
    description:
      'The resource server timed out calling introspection for 9 minutes. Root cause: the ' +
      'connection pool was capped at 10. Action items: raise the cap, add a circuit breaker, ' +
      'alert on p99 latency.',
    type: 'Task',
    status: 'In Progress',
    priority: 'Highest',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['incident', 'on-call'],
    created: '2025-02-12T18:05:00Z',
    updated: '2025-02-21T09:10:00Z',
    comments: [
      {
        author: 'alice',
        at: '2025-02-13T08:00:00Z',
        body: 'Postmortem is in the Engineering space. Please link the fix PRs here.',
      },
      {
        author: 'carol',
        at: '2025-02-14T10:30:00Z',
        body: 'The alert on p99 latency is live; it pages after 5 minutes above 300 ms.',
      },
    ],
  },
  {
    summary: 'Rotate the database credentials used by reporting jobs',
    description:
      'The reporting jobs still use a password created two years ago. Move them to ' +
      'short-lived credentials from the secret store.',
    type: 'Task',
    status: 'To Do',
    priority: 'Medium',
    assignee: 'carol',
    reporter: 'bob',
    labels: ['security', 'database'],
    created: '2025-02-03T14:45:00Z',
    updated: '2025-02-03T14:45:00Z',
  },
  {
    summary: 'Dashboards for the MCP server',
    description:
      'One dashboard with tool calls per minute by tool, error rate by error code, and ' +
      'introspection latency. Link it from the runbook.',
    type: 'Story',
    status: 'In Review',
    priority: 'Medium',
    assignee: 'bob',
    reporter: 'bob',
    labels: ['observability'],
    created: '2025-02-05T09:00:00Z',
    updated: '2025-02-19T15:00:00Z',
  },
  {
    summary: 'Kubernetes node pool runs out of IP addresses',
    description:
      'New pods stay Pending during deploys because the subnet has only 250 addresses ' +
      'left. Add a secondary range or move to prefix delegation.',
    type: 'Bug',
    status: 'Done',
    priority: 'High',
    assignee: 'bob',
    reporter: 'carol',
    labels: ['kubernetes', 'network'],
    created: '2025-02-06T07:20:00Z',
    updated: '2025-02-10T16:45:00Z',
  },
  {
    summary: 'Document how to restore a single tenant from backup',
    description:
      'Support asked twice this month. Write the steps and time a restore of one org on ' +
      'staging so we can promise a realistic turnaround.',
    type: 'Task',
    status: 'To Do',
    priority: 'Low',
    assignee: null,
    reporter: 'carol',
    labels: ['backup', 'docs'],
    created: '2025-02-10T12:00:00Z',
    updated: '2025-02-10T12:00:00Z',
  },
  {
    summary: 'Upgrade Node.js to 22 LTS on all services',
    description:
      'Node 20 leaves active support. Upgrade the base image, run the full test suite and ' +
      'watch memory on staging for a week before production.',
    type: 'Epic',
    status: 'To Do',
    priority: 'Medium',
    assignee: 'carol',
    reporter: 'alice',
    labels: ['upgrade', 'node'],
    created: '2025-02-11T10:30:00Z',
    updated: '2025-02-12T08:15:00Z',
  },
  {
    summary: 'Alert fatigue: disk-space warnings on build agents',
    description:
      'Build agents fill their disks with old images; the warning fires ~30 times a week and ' +
      'nobody acts on it. Add a nightly prune and raise the threshold.',
    type: 'Task',
    status: 'Done',
    priority: 'Low',
    assignee: 'carol',
    reporter: 'carol',
    labels: ['alerts', 'ci'],
    created: '2025-02-13T09:45:00Z',
    updated: '2025-02-14T11:20:00Z',
  },
  {
    summary: 'Rate-limit dynamic client registration',
    description:
      'Registration is unauthenticated. Limit it to 10 registrations per IP per hour and ' +
      'alert when the limit is hit repeatedly.',
    type: 'Story',
    status: 'In Progress',
    priority: 'High',
    assignee: 'bob',
    reporter: 'alice',
    labels: ['security', 'oauth'],
    created: '2025-02-17T13:30:00Z',
    updated: '2025-02-22T10:00:00Z',
  },
  {
    summary: 'Quarterly access review for production databases',
    description:
      'Export who has production database access, send the list to each team lead for ' +
      'confirmation and remove anyone not confirmed within a week.',
    type: 'Task',
    status: 'In Review',
    priority: 'Medium',
    assignee: 'alice',
    reporter: 'alice',
    labels: ['security', 'compliance'],
    created: '2025-02-18T08:00:00Z',
    updated: '2025-02-24T13:35:00Z',
  },
  {
    summary: 'Retire the old VPN concentrator',
    description:
      'Everyone moved to the zero-trust proxy in January. Confirm no traffic for 30 days, ' +
      'then switch the VPN off and remove its firewall rules.',
    type: 'Task',
    status: 'To Do',
    priority: 'Lowest',
    assignee: null,
    reporter: 'bob',
    labels: ['network', 'cleanup'],
    created: '2025-02-24T16:00:00Z',
    updated: '2025-02-24T16:00:00Z',
  },
];
