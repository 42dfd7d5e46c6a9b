/**
 * The storage scheme: every record kind and sequence name the workspace uses in the
 * `RecordStore`. Record ids are given per kind; all times inside records are epoch ms.
 *
 * | kind | id | example id |
 * | --- | --- | --- |
 * | `jira.project` | project key | `OPS` |
 * | `jira.issue` | issue key | `OPS-12` |
 * | `jira.comment` | sequence number | `17` |
 * | `confluence.space` | space key | `ENG` |
 * | `confluence.page` | sequence number | `1004` |
 * | `jsm.desk` | desk key | `HELP` |
 * | `jsm.request` | request key | `HELP-3` |
 * | `jsm.comment` | sequence number | `5` |
 * | `bitbucket.repository` | `workspace/slug` | `gatehouse/web-app` |
 * | `bitbucket.pull-request` | `workspace/slug#number` | `gatehouse/web-app#2` |
 * | `bitbucket.comment` | sequence number | `3` |
 * | `compass.component` | slug | `auth-service` |
 * | `workspace.meta` | marker name | `seed` |
 *
 * Comments are records of their own (not arrays inside their parent) so that two people
 * commenting at once can never overwrite each other: each comment is a `create` with an id
 * from an atomic sequence.
 */
export const KINDS = {
  project: 'jira.project',
  issue: 'jira.issue',
  issueComment: 'jira.comment',
  space: 'confluence.space',
  page: 'confluence.page',
  desk: 'jsm.desk',
  request: 'jsm.request',
  requestComment: 'jsm.comment',
  repository: 'bitbucket.repository',
  pullRequest: 'bitbucket.pull-request',
  pullRequestComment: 'bitbucket.comment',
  component: 'compass.component',
  meta: 'workspace.meta',
} as const;

/** Sequence names passed to `RecordStore.nextSequence`. */
export const SEQUENCES = {
  /** Numeric issue ids (shown as `10000 + n`). */
  issueId: 'jira.issue-id',
  /** Issue numbers per project: `jira.issue-key:OPS` gives 1, 2, ... for `OPS-1`, `OPS-2`. */
  issueKey: (projectKey: string) => `jira.issue-key:${projectKey}`,
  issueComment: 'jira.comment',
  page: 'confluence.page',
  /** Request numbers per desk: `jsm.request-key:HELP`. */
  requestKey: (deskKey: string) => `jsm.request-key:${deskKey}`,
  requestComment: 'jsm.comment',
  /** Pull-request numbers per repository: `bitbucket.pull-request:gatehouse/web-app`. */
  pullRequest: (repositoryId: string) => `bitbucket.pull-request:${repositoryId}`,
  pullRequestComment: 'bitbucket.comment',
} as const;

/** Numeric issue ids start above this, so they never look like small sequence numbers. */
export const ISSUE_ID_OFFSET = 10_000;
