import { beforeEach, describe, expect, it } from 'vitest';
import { alice, bob, carol, createSeededWorkspace } from '../testing/test-fixtures.js';
import type { Workspace } from '../workspace.js';

let workspace: Workspace;
beforeEach(async () => {
  ({ workspace } = await createSeededWorkspace());
});

describe('createJiraIssue', () => {
  it('numbers past the seeded issues and starts in the first workflow status', async () => {
    const issue = await workspace.createJiraIssue(carol, {
      projectKey: 'ops',
      summary: '  Renew the wildcard certificate  ',
      assignee: 'BOB@example.com',
      labels: ['tls', 'tls', 'on-call'],
    });
    expect(issue).toMatchObject({
      key: 'OPS-19',
      id: '10043',
      url: 'https://demo.gatehouse.example/browse/OPS-19',
      summary: 'Renew the wildcard certificate',
      description: '',
      type: 'Task',
      priority: 'Medium',
      status: 'To Do',
      assignee: { accountId: 'user-bob', displayName: 'Bob Builder' },
      reporter: { accountId: 'user-carol' },
      labels: ['tls', 'on-call'],
      comments: [],
    });
    const next = await workspace.createJiraIssue(carol, { projectKey: 'OPS', summary: 'Next' });
    expect(next.key).toBe('OPS-20');
    expect(await workspace.getJiraIssue(bob, { issueIdOrKey: 'OPS-19' })).toEqual(issue);
  });

  it.each([
    [{ projectKey: 'OPS', summary: '  ' }, 'summary', 'Invalid input. summary: must not be empty.'],
    [
      { projectKey: 'OPS', summary: 'x'.repeat(256) },
      'summary',
      'Invalid input. summary: must be at most 255 characters.',
    ],
    [
      { projectKey: 'OPS', summary: 'x', labels: ['two words'] },
      'labels.0',
      'Invalid input. labels.0: must not contain spaces.',
    ],
    [
      { projectKey: 'OPS', summary: 'x', issueTypeName: 'Incident' },
      'issueTypeName',
      'Invalid input. issueTypeName: Invalid option: expected one of "Task"|"Bug"|"Story"|"Epic".',
    ],
    [
      { summary: 'x' },
      'projectKey',
      'Invalid input. projectKey: Invalid input: expected string, received undefined.',
    ],
    [
      { projectKey: 'OPS', summary: 'x', assignee: 'dave@example.com' },
      'assignee',
      'assignee: no user has the account id or email "dave@example.com".',
    ],
  ])('rejects %j naming the field', async (input, field, message) => {
    await expect(
      workspace.createJiraIssue(alice, input as Parameters<Workspace['createJiraIssue']>[1]),
    ).rejects.toMatchObject({ code: 'invalid_input', field, message });
  });

  it('refuses an assignee who cannot browse the project', async () => {
    await expect(
      workspace.createJiraIssue(alice, { projectKey: 'FIN', summary: 'x', assignee: 'user-carol' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message:
        'assignee: carol@example.com cannot be assigned issues in project FIN because they ' +
        'cannot browse it.',
    });
  });
});

describe('editJiraIssue', () => {
  it('changes only the named fields and bumps updated', async () => {
    const before = await workspace.getJiraIssue(bob, { issueIdOrKey: 'OPS-1' });
    const after = await workspace.editJiraIssue(bob, {
      issueIdOrKey: 'OPS-1',
      fields: { priority: 'Highest', assignee: null, labels: ['database'] },
    });
    expect(after).toEqual({
      ...before,
      priority: 'Highest',
      assignee: null,
      labels: ['database'],
      updated: after.updated,
    });
    expect(Date.parse(after.updated)).toBeGreaterThan(Date.parse(before.updated));
  });

  it.each([
    [{ fields: {} }, 'fields', 'Invalid input. fields: must name at least one field to change.'],
    [
      { fields: { status: 'Done' } },
      'fields',
      'Invalid input. fields: cannot change "status"; editable fields are summary, description, issueTypeName, priority, assignee, labels (change the status with transitionJiraIssue).',
    ],
    [
      { fields: { assignee: 'carol@example.com' }, issueIdOrKey: 'FIN-1' },
      'fields.assignee',
      'fields.assignee: carol@example.com cannot be assigned issues in project FIN because they cannot browse it.',
    ],
  ])('rejects %j', async (input, field, message) => {
    await expect(
      workspace.editJiraIssue(alice, { issueIdOrKey: 'OPS-1', ...input } as never),
    ).rejects.toMatchObject({ code: 'invalid_input', field, message });
  });
});

describe('transitionJiraIssue', () => {
  it('moves along the workflow by id or by name (any case)', async () => {
    const started = await workspace.transitionJiraIssue(carol, {
      issueIdOrKey: 'OPS-3',
      transition: { id: '11' },
    });
    expect(started.status).toBe('In Progress');
    const review = await workspace.transitionJiraIssue(carol, {
      issueIdOrKey: 'OPS-3',
      transition: { name: 'submit FOR review' },
    });
    expect(review.status).toBe('In Review');
    const { transitions } = await workspace.getTransitionsForJiraIssue(carol, {
      issueIdOrKey: 'OPS-3',
    });
    expect(transitions).toEqual([
      { id: '31', name: 'Request changes', to: 'In Progress' },
      { id: '41', name: 'Done', to: 'Done' },
    ]);
  });

  it('answers conflict for a transition that does not leave the current status', async () => {
    await expect(
      workspace.transitionJiraIssue(bob, { issueIdOrKey: 'OPS-2', transition: { id: '21' } }),
    ).rejects.toMatchObject({
      code: 'conflict',
      status: 409,
      message:
        'Transition 21 "Submit for review" cannot be used while OPS-2 is "Done". Available ' +
        'now: 61 "Reopen".',
    });
  });

  it.each([
    [{ id: '99' }, 'transition: project OPS has no transition with id "99".'],
    [{ name: 'Close' }, 'transition: project OPS has no transition named "Close".'],
  ])('rejects the unknown transition %j', async (transition, start) => {
    const error = await workspace
      .transitionJiraIssue(bob, { issueIdOrKey: 'OPS-3', transition })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'transition' });
    expect(error.message).toBe(
      `${start} Its transitions: 11 "Start progress", 21 "Submit for review", ` +
        '31 "Request changes", 41 "Done", 51 "Stop progress", 61 "Reopen".',
    );
  });

  it('needs an id or a name', async () => {
    await expect(
      workspace.transitionJiraIssue(bob, { issueIdOrKey: 'OPS-3', transition: {} }),
    ).rejects.toMatchObject({
      field: 'transition',
      message: 'Invalid input. transition: must give an id or a name.',
    });
  });
});

describe('addCommentToJiraIssue', () => {
  it('adds the comment last, bumps updated, and makes it searchable', async () => {
    const comment = await workspace.addCommentToJiraIssue(carol, {
      issueIdOrKey: 'OPS-1',
      commentBody: 'Pinged the DBA team about the maintenance window.',
    });
    expect(comment).toMatchObject({ author: { accountId: 'user-carol' }, id: '12' });
    const issue = await workspace.getJiraIssue(alice, { issueIdOrKey: 'OPS-1' });
    expect(issue.comments.map((c) => c.body).at(-1)).toBe(
      'Pinged the DBA team about the maintenance window.',
    );
    expect(issue.updated).toBe(comment.created);
    const found = await workspace.searchJiraIssuesUsingJql(bob, { jql: 'comment ~ "DBA team"' });
    expect(found.items.map((i) => i.key)).toEqual(['OPS-1']);
  });
});

describe('lookupJiraAccountId', () => {
  it.each([
    ['example.com', ['user-alice', 'user-bob', 'user-carol']],
    ['CAROL', ['user-carol']],
    ['builder', ['user-bob']],
    ['nobody', []],
  ])('%s', async (searchString, expected) => {
    const { accounts } = await workspace.lookupJiraAccountId(carol, { searchString });
    expect(accounts.map((a) => a.accountId)).toEqual(expected);
  });
});
