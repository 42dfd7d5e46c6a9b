import { beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../seed/demo-ids.js';
import { bob, carol, createSeededWorkspace, PERSONAS } from '../testing/test-fixtures.js';
import { describePermissions, outcomes, type PermissionRow } from '../testing/test-permissions.js';
import type { Workspace } from '../workspace.js';

const repo = (repoSlug: string) => ({ workspace: 'gatehouse', repoSlug });
const getPr =
  (slug: string, pullRequestId: number): PermissionRow[1] =>
  (w, a) =>
    w.getBitbucketPullRequest(a, { ...repo(slug), pullRequestId });
const commentPr =
  (slug: string, pullRequestId: number): PermissionRow[1] =>
  (w, a) =>
    w.addBitbucketPullRequestComment(a, { ...repo(slug), pullRequestId, commentBody: 'LGTM' });

describePermissions(
  'Bitbucket reads',
  [
    [
      'get web-app (everyone reads)',
      (w, a) => w.getBitbucketRepository(a, repo('web-app')),
      outcomes('ok', 'ok', 'ok'),
    ],
    [
      'get infra (carol reads)',
      (w, a) => w.getBitbucketRepository(a, repo('infra')),
      outcomes('ok', 'ok', 'ok'),
    ],
    [
      'get finance-reports (restricted)',
      (w, a) => w.getBitbucketRepository(a, repo('finance-reports')),
      outcomes('ok', 'ok', 'not_found'),
    ],
    [
      'list pull requests of finance-reports',
      (w, a) => w.listBitbucketPullRequests(a, repo('finance-reports')),
      outcomes('ok', 'ok', 'not_found'),
    ],
    ['get web-app #2', getPr('web-app', 2), outcomes('ok', 'ok', 'ok')],
    [
      'get web-app #9 (missing)',
      getPr('web-app', 9),
      outcomes('not_found', 'not_found', 'not_found'),
    ],
    ['get finance-reports #1', getPr('finance-reports', 1), outcomes('ok', 'ok', 'not_found')],
  ],
  false,
);

describePermissions(
  'Bitbucket writes',
  [
    ['comment on web-app #2 (carol writes)', commentPr('web-app', 2), outcomes('ok', 'ok', 'ok')],
    [
      'comment on infra #2 (carol only reads)',
      commentPr('infra', 2),
      outcomes('ok', 'ok', 'forbidden'),
    ],
    [
      'comment on finance-reports #1 (bob only reads)',
      commentPr('finance-reports', 1),
      outcomes('ok', 'forbidden', 'not_found'),
    ],
  ],
  true,
);

describe('Bitbucket answers', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    ({ workspace } = await createSeededWorkspace());
  });

  it('lists the repositories each may read, with their access', async () => {
    const listed = await Promise.all(
      PERSONAS.map(async (persona) =>
        (await workspace.listBitbucketRepositories(demoActor(persona))).items.map(
          (r) => `${r.slug}:${r.myPermission}`,
        ),
      ),
    );
    expect(listed).toEqual([
      ['finance-reports:admin', 'infra:admin', 'web-app:admin'],
      ['finance-reports:read', 'infra:write', 'web-app:admin'],
      ['infra:read', 'web-app:write'],
    ]);
    expect((await workspace.listBitbucketRepositories(bob, { workspace: 'other' })).total).toBe(0);
  });

  it('lists pull requests newest first and filters by state', async () => {
    const all = await workspace.listBitbucketPullRequests(carol, repo('web-app'));
    expect(all.items.map((pr) => `${pr.id}:${pr.state}`)).toEqual([
      '3:DECLINED',
      '2:OPEN',
      '1:MERGED',
    ]);
    const open = await workspace.listBitbucketPullRequests(carol, {
      ...repo('web-app'),
      state: 'OPEN',
    });
    expect(open.items.map((pr) => pr.title)).toEqual([
      'Label checkout fields and announce errors (WEB-2)',
    ]);
  });

  it('shows a pull request with its comments', async () => {
    const pr = await workspace.getBitbucketPullRequest(carol, {
      ...repo('web-app'),
      pullRequestId: 2,
    });
    expect(pr).toMatchObject({
      author: { accountId: 'user-carol' },
      reviewers: [{ accountId: 'user-bob' }],
      sourceBranch: 'feature/WEB-2-checkout-a11y',
      destinationBranch: 'main',
      url: 'https://demo.gatehouse.example/bitbucket/gatehouse/web-app/pull-requests/2',
    });
    expect(pr.comments.map((c) => c.author.accountId)).toEqual(['user-bob']);
  });

  it('names the missing access', async () => {
    const { workspace: fresh } = await createSeededWorkspace();
    await expect(
      fresh.addBitbucketPullRequestComment(carol, {
        ...repo('infra'),
        pullRequestId: 2,
        commentBody: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      permission: 'write',
      message:
        'You need "write" access to repository gatehouse/infra to comment on pull request #2.',
    });
  });

  it('validates repository names', async () => {
    await expect(
      workspace.getBitbucketRepository(bob, { workspace: 'gatehouse', repoSlug: 'web app' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'repoSlug',
      message: 'Invalid input. repoSlug: may hold only letters, digits, ".", "_" and "-".',
    });
  });
});
