import { beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../seed/demo-ids.js';
import { createSeededWorkspace, PERSONAS } from '../testing/test-fixtures.js';
import { describePermissions, outcomes, type PermissionRow } from '../testing/test-permissions.js';
import type { Workspace } from '../workspace.js';

const READS: PermissionRow[] = [
  [
    'get OPS-1 (open project)',
    (w, a) => w.getJiraIssue(a, { issueIdOrKey: 'OPS-1' }),
    outcomes('ok', 'ok', 'ok'),
  ],
  [
    'get WEB-3 (browse-only for carol)',
    (w, a) => w.getJiraIssue(a, { issueIdOrKey: 'WEB-3' }),
    outcomes('ok', 'ok', 'ok'),
  ],
  [
    'get FIN-1 (restricted project)',
    (w, a) => w.getJiraIssue(a, { issueIdOrKey: 'FIN-1' }),
    outcomes('ok', 'ok', 'not_found'),
  ],
  [
    'get FIN-1 by its id',
    (w, a) => w.getJiraIssue(a, { issueIdOrKey: '10035' }),
    outcomes('ok', 'ok', 'not_found'),
  ],
  [
    'get fin-1 in lower case',
    (w, a) => w.getJiraIssue(a, { issueIdOrKey: 'fin-1' }),
    outcomes('ok', 'ok', 'not_found'),
  ],
  [
    'get OPS-99 (missing)',
    (w, a) => w.getJiraIssue(a, { issueIdOrKey: 'OPS-99' }),
    outcomes('not_found', 'not_found', 'not_found'),
  ],
  [
    'transitions of FIN-3',
    (w, a) => w.getTransitionsForJiraIssue(a, { issueIdOrKey: 'FIN-3' }),
    outcomes('ok', 'ok', 'not_found'),
  ],
  [
    'search project = FIN',
    (w, a) => w.searchJiraIssuesUsingJql(a, { jql: 'project = FIN' }),
    outcomes('ok', 'ok', 'invalid_input'),
  ],
];

const WRITES: PermissionRow[] = [
  [
    'create in OPS',
    (w, a) => w.createJiraIssue(a, { projectKey: 'OPS', summary: 'New' }),
    outcomes('ok', 'ok', 'ok'),
  ],
  [
    'create in WEB',
    (w, a) => w.createJiraIssue(a, { projectKey: 'WEB', summary: 'New' }),
    outcomes('ok', 'ok', 'forbidden'),
  ],
  [
    'create in FIN',
    (w, a) => w.createJiraIssue(a, { projectKey: 'FIN', summary: 'New' }),
    outcomes('ok', 'forbidden', 'not_found'),
  ],
  [
    'edit OPS-1 (alice reported, bob assigned)',
    (w, a) => w.editJiraIssue(a, { issueIdOrKey: 'OPS-1', fields: { priority: 'Low' } }),
    outcomes('ok', 'ok', 'forbidden'),
  ],
  [
    'edit OPS-3 (carol reported)',
    (w, a) => w.editJiraIssue(a, { issueIdOrKey: 'OPS-3', fields: { priority: 'Low' } }),
    outcomes('ok', 'ok', 'ok'),
  ],
  [
    'edit WEB-2 (carol assigned, browse only)',
    (w, a) => w.editJiraIssue(a, { issueIdOrKey: 'WEB-2', fields: { labels: ['x'] } }),
    outcomes('ok', 'forbidden', 'forbidden'),
  ],
  [
    'edit WEB-13 (bob reported and assigned)',
    (w, a) => w.editJiraIssue(a, { issueIdOrKey: 'WEB-13', fields: { labels: ['x'] } }),
    outcomes('ok', 'ok', 'forbidden'),
  ],
  [
    'edit FIN-2 (bob assigned, browse only)',
    (w, a) => w.editJiraIssue(a, { issueIdOrKey: 'FIN-2', fields: { summary: 'x' } }),
    outcomes('ok', 'forbidden', 'not_found'),
  ],
  [
    'comment on OPS-1',
    (w, a) => w.addCommentToJiraIssue(a, { issueIdOrKey: 'OPS-1', commentBody: 'Hi' }),
    outcomes('ok', 'ok', 'ok'),
  ],
  [
    'comment on WEB-1',
    (w, a) => w.addCommentToJiraIssue(a, { issueIdOrKey: 'WEB-1', commentBody: 'Hi' }),
    outcomes('ok', 'ok', 'forbidden'),
  ],
  [
    'comment on FIN-1',
    (w, a) => w.addCommentToJiraIssue(a, { issueIdOrKey: 'FIN-1', commentBody: 'Hi' }),
    outcomes('ok', 'forbidden', 'not_found'),
  ],
  [
    'start progress on OPS-3 (carol reported)',
    (w, a) => w.transitionJiraIssue(a, { issueIdOrKey: 'OPS-3', transition: { id: '11' } }),
    outcomes('ok', 'ok', 'ok'),
  ],
  [
    'start progress on OPS-5 (bob assigned)',
    (w, a) => w.transitionJiraIssue(a, { issueIdOrKey: 'OPS-5', transition: { id: '11' } }),
    outcomes('ok', 'ok', 'forbidden'),
  ],
  [
    'start progress on FIN-3',
    (w, a) => w.transitionJiraIssue(a, { issueIdOrKey: 'FIN-3', transition: { id: '11' } }),
    outcomes('ok', 'forbidden', 'not_found'),
  ],
];

describePermissions('Jira reads', READS, false);
describePermissions('Jira writes', WRITES, true);

describe('Jira visibility per persona', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    ({ workspace } = await createSeededWorkspace());
  });

  it.each([
    ['browse', { alice: ['FIN', 'OPS', 'WEB'], bob: ['FIN', 'OPS', 'WEB'], carol: ['OPS', 'WEB'] }],
    ['create', { alice: ['FIN', 'OPS', 'WEB'], bob: ['OPS', 'WEB'], carol: ['OPS'] }],
    ['administer', { alice: ['FIN', 'OPS', 'WEB'], bob: ['OPS'], carol: [] }],
  ] as const)('projects where each holds %s', async (action, expected) => {
    for (const persona of PERSONAS) {
      const page = await workspace.getVisibleJiraProjects(demoActor(persona), { action });
      expect(
        page.items.map((p) => p.key),
        persona,
      ).toEqual(expected[persona]);
    }
  });

  it.each([
    ['OPS-3', { alice: ['11', '41'], bob: ['11', '41'], carol: ['11', '41'] }],
    ['OPS-5', { alice: ['11', '41'], bob: ['11', '41'], carol: [] }],
    ['WEB-2', { alice: ['21', '41', '51'], bob: [], carol: [] }],
  ] as const)('transitions each may use on %s', async (key, expected) => {
    for (const persona of PERSONAS) {
      const { transitions } = await workspace.getTransitionsForJiraIssue(demoActor(persona), {
        issueIdOrKey: key,
      });
      expect(
        transitions.map((t) => t.id),
        persona,
      ).toEqual(expected[persona]);
    }
  });

  it('answers an invisible issue exactly like a missing one', async () => {
    const carol = demoActor('carol');
    const hidden = await workspace.getJiraIssue(carol, { issueIdOrKey: 'FIN-1' }).catch((e) => e);
    const missing = await workspace.getJiraIssue(carol, { issueIdOrKey: 'FIN-99' }).catch((e) => e);
    expect(hidden).toMatchObject({
      code: 'not_found',
      status: 404,
      message: 'Issue FIN-1 was not found.',
    });
    expect({ ...missing, message: missing.message.replace('99', '1') }).toEqual({
      ...hidden,
      message: hidden.message,
    });
  });

  it('names the missing permission in forbidden errors', async () => {
    const { workspace: fresh } = await createSeededWorkspace();
    await expect(
      fresh.createJiraIssue(demoActor('carol'), { projectKey: 'WEB', summary: 'x' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
      permission: 'create',
      message: 'You need the "create" permission in project WEB to create issues.',
    });
    await expect(
      fresh.editJiraIssue(demoActor('carol'), { issueIdOrKey: 'OPS-1', fields: { summary: 'x' } }),
    ).rejects.toMatchObject({
      permission: 'administer',
      message:
        'You need the "administer" permission in project OPS, or the "create" permission as ' +
        'the reporter or assignee of OPS-1, to edit OPS-1.',
    });
    await expect(
      fresh.transitionJiraIssue(demoActor('bob'), {
        issueIdOrKey: 'FIN-2',
        transition: { id: '21' },
      }),
    ).rejects.toMatchObject({ permission: 'create' });
  });
});
