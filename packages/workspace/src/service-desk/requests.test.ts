import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoActor } from '../seed/demo-ids.js';
import { bob, carol, createSeededWorkspace, PERSONAS } from '../testing/test-fixtures.js';
import { describePermissions, outcomes, type PermissionRow } from '../testing/test-permissions.js';
import type { Workspace } from '../workspace.js';

// Seed: HELP-1 bob's, HELP-2 carol's, HELP-3 alice's, HELP-4 carol's, HELP-5 alice's with
// carol taking part, HELP-6 bob's. Bob is an agent; everyone is a customer.
const get =
  (requestKey: string): PermissionRow[1] =>
  (w, a) =>
    w.getServiceDeskRequest(a, { requestKey });
const comment =
  (requestKey: string): PermissionRow[1] =>
  (w, a) =>
    w.addServiceDeskRequestComment(a, { requestKey, commentBody: 'Any news?' });

describePermissions(
  'Service desk reads',
  [
    ['get HELP-1 (bob reported)', get('HELP-1'), outcomes('ok', 'ok', 'not_found')],
    ['get HELP-2 (carol reported)', get('HELP-2'), outcomes('ok', 'ok', 'ok')],
    ['get HELP-3 (alice reported)', get('HELP-3'), outcomes('ok', 'ok', 'not_found')],
    ['get HELP-5 (carol takes part)', get('HELP-5'), outcomes('ok', 'ok', 'ok')],
    ['get HELP-99 (missing)', get('HELP-99'), outcomes('not_found', 'not_found', 'not_found')],
    [
      'list desk NOPE',
      (w, a) => w.listServiceDeskRequests(a, { deskKey: 'NOPE' }),
      outcomes('not_found', 'not_found', 'not_found'),
    ],
  ],
  false,
);

describePermissions(
  'Service desk writes',
  [
    [
      'raise a request in HELP',
      (w, a) =>
        w.createServiceDeskRequest(a, {
          deskKey: 'HELP',
          requestType: 'Get IT help',
          summary: 'Printer jam',
        }),
      outcomes('ok', 'ok', 'ok'),
    ],
    ['comment on HELP-3 (alice reported)', comment('HELP-3'), outcomes('ok', 'ok', 'not_found')],
    ['comment on HELP-4 (carol reported)', comment('HELP-4'), outcomes('ok', 'ok', 'ok')],
  ],
  true,
);

describe('listServiceDeskRequests', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    ({ workspace } = await createSeededWorkspace());
  });

  it('shows agents every request and customers their own, newest first', async () => {
    const keys = await Promise.all(
      PERSONAS.map(async (persona) =>
        (await workspace.listServiceDeskRequests(demoActor(persona))).items.map((r) => r.key),
      ),
    );
    const all = ['HELP-6', 'HELP-5', 'HELP-4', 'HELP-3', 'HELP-2', 'HELP-1'];
    expect(keys).toEqual([all, all, ['HELP-5', 'HELP-4', 'HELP-2']]);
  });

  it('filters by status and desk', async () => {
    const resolved = await workspace.listServiceDeskRequests(carol, {
      deskKey: 'help',
      status: 'Resolved',
    });
    expect(resolved.items.map((r) => r.key)).toEqual(['HELP-5', 'HELP-2']);
    expect(resolved.total).toBe(2);
  });
});

describe('createServiceDeskRequest and comments', () => {
  let workspace: Workspace;
  beforeEach(async () => {
    ({ workspace } = await createSeededWorkspace());
  });

  it('raises a request an agent then sees and answers', async () => {
    const raised = await workspace.createServiceDeskRequest(carol, {
      deskKey: 'HELP',
      requestType: 'new hardware',
      summary: 'Headset for calls',
      description: 'The old one broke.',
    });
    expect(raised).toMatchObject({
      key: 'HELP-7',
      requestType: 'New hardware',
      status: 'Waiting for support',
      reporter: { accountId: 'user-carol' },
      participants: [],
      comments: [],
    });
    const reply = await workspace.addServiceDeskRequestComment(bob, {
      requestKey: 'HELP-7',
      commentBody: 'Ordered; arrives Thursday.',
    });
    const seen = await workspace.getServiceDeskRequest(carol, { requestKey: 'HELP-7' });
    expect(seen.comments).toEqual([reply]);
    expect(seen.updated).toBe(reply.created);
  });

  it('names the desk request types when the type is unknown', async () => {
    await expect(
      workspace.createServiceDeskRequest(bob, {
        deskKey: 'HELP',
        requestType: 'Coffee',
        summary: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'requestType',
      message:
        'requestType: desk HELP has no request type "Coffee". Its request types: Get IT help, ' +
        'Request access, Report a lost or stolen device, New hardware.',
    });
  });
});
