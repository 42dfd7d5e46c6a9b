import { beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../seed/demo-ids.js';
import { createSeededWorkspace, PERSONAS } from '../testing/test-fixtures.js';
import { describePermissions, outcomes, type PermissionRow } from '../testing/test-permissions.js';
import type { Workspace } from '../workspace.js';

// Page ids of the seed: 1 Engineering home, 7 On-call policy (edit: alice), 10 credentials
// postmortem (view: alice, bob), 11 its child, 14 Onboarding checklist (TEAM), 22 Month-end
// close (FIN), 26 Salary bands (FIN, view: alice).
const page =
  (pageId: string): PermissionRow[1] =>
  (w, a) =>
    w.getConfluencePage(a, { pageId });
const update =
  (pageId: string): PermissionRow[1] =>
  (w, a) =>
    w.updateConfluencePage(a, { pageId, body: 'Updated.' });
const create =
  (spaceKey: string, parentId?: string): PermissionRow[1] =>
  (w, a) =>
    w.createConfluencePage(a, { spaceKey, title: 'New page', body: 'Hello', parentId });

const READS: PermissionRow[] = [
  ['get page 1 (ENG, open)', page('1'), outcomes('ok', 'ok', 'ok')],
  ['get page 10 (view-restricted to alice and bob)', page('10'), outcomes('ok', 'ok', 'not_found')],
  ['get page 11 (below the restricted page)', page('11'), outcomes('ok', 'ok', 'not_found')],
  ['get page 22 (FIN space)', page('22'), outcomes('ok', 'ok', 'not_found')],
  [
    'get page 26 (FIN, view-restricted to alice)',
    page('26'),
    outcomes('ok', 'not_found', 'not_found'),
  ],
  ['get page 999 (missing)', page('999'), outcomes('not_found', 'not_found', 'not_found')],
  [
    'pages in FIN',
    (w, a) => w.getPagesInConfluenceSpace(a, { spaceKey: 'FIN' }),
    outcomes('ok', 'ok', 'not_found'),
  ],
  [
    'pages in NOPE',
    (w, a) => w.getPagesInConfluenceSpace(a, { spaceKey: 'NOPE' }),
    outcomes('not_found', 'not_found', 'not_found'),
  ],
];

const WRITES: PermissionRow[] = [
  ['create in ENG', create('ENG'), outcomes('ok', 'ok', 'ok')],
  ['create in TEAM (carol may only view)', create('TEAM'), outcomes('ok', 'ok', 'forbidden')],
  ['create in FIN (bob may only view)', create('FIN'), outcomes('ok', 'forbidden', 'not_found')],
  ['create in ENG below page 10', create('ENG', '10'), outcomes('ok', 'ok', 'not_found')],
  [
    'create in ENG below a FIN page',
    create('ENG', '22'),
    outcomes('invalid_input', 'invalid_input', 'not_found'),
  ],
  ['update page 1', update('1'), outcomes('ok', 'ok', 'ok')],
  [
    'update page 7 (edit-restricted to alice)',
    update('7'),
    outcomes('ok', 'forbidden', 'forbidden'),
  ],
  ['update page 14 (TEAM)', update('14'), outcomes('ok', 'ok', 'forbidden')],
  ['update page 22 (FIN)', update('22'), outcomes('ok', 'forbidden', 'not_found')],
  ['update page 10 (view-restricted)', update('10'), outcomes('ok', 'ok', 'not_found')],
];

describePermissions('Confluence reads', READS, false);
describePermissions('Confluence writes', WRITES, true);

describe('Confluence visibility per persona', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    ({ workspace } = await createSeededWorkspace());
  });

  it('lists the spaces each may view, with their permission', async () => {
    const spaces = await Promise.all(
      PERSONAS.map(async (persona) =>
        (await workspace.getConfluenceSpaces(demoActor(persona))).items.map(
          (space) => `${space.key}:${space.myPermission}`,
        ),
      ),
    );
    expect(spaces).toEqual([
      ['ENG:administer', 'FIN:administer', 'TEAM:administer'],
      ['ENG:edit', 'FIN:view', 'TEAM:edit'],
      ['ENG:edit', 'TEAM:view'],
    ]);
  });

  it('leaves the pages each may not view out of space listings', async () => {
    const eng = await Promise.all(
      PERSONAS.map(async (persona) => {
        const pages = await workspace.getPagesInConfluenceSpace(demoActor(persona), {
          spaceKey: 'ENG',
          maxResults: 100,
        });
        return pages.items.map((p) => p.id).sort((a, b) => Number(a) - Number(b));
      }),
    );
    expect(eng[0]).toEqual(eng[1]);
    expect(eng[0]).toHaveLength(12);
    expect(eng[2]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '12']);
  });

  it.each([
    ['7', [true, false, false]],
    ['22', [true, false, false]],
    ['14', [true, true, false]],
  ])('tells who may edit page %s', async (pageId, expected) => {
    const visible = PERSONAS.filter((persona) => persona !== 'carol' || pageId !== '22');
    const canEdit = await Promise.all(
      visible.map(
        async (p) => (await workspace.getConfluencePage(demoActor(p), { pageId })).canEdit,
      ),
    );
    expect(canEdit).toEqual(expected.slice(0, visible.length));
  });

  it('names the missing permission', async () => {
    const { workspace: fresh } = await createSeededWorkspace();
    await expect(
      fresh.updateConfluencePage(demoActor('bob'), { pageId: '22', body: 'x' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      permission: 'edit',
      message:
        'You need the "edit" permission in space FIN to update page "Month-end close procedure".',
    });
    await expect(
      fresh.updateConfluencePage(demoActor('bob'), { pageId: '7', body: 'x' }),
    ).rejects.toMatchObject({
      permission: 'edit',
      message:
        'Page "On-call policy" has an edit restriction: only the people it lists may edit it.',
    });
    await expect(
      fresh.createConfluencePage(demoActor('carol'), { spaceKey: 'TEAM', title: 'x' }),
    ).rejects.toMatchObject({
      permission: 'edit',
      message: 'You need the "edit" permission in space TEAM to create pages in it.',
    });
  });

  it('answers a hidden page exactly like a missing one', async () => {
    const carol = demoActor('carol');
    const hidden = await workspace.getConfluencePage(carol, { pageId: '10' }).catch((e) => e);
    const missing = await workspace.getConfluencePage(carol, { pageId: '999' }).catch((e) => e);
    expect(hidden.message).toBe('Page 10 was not found.');
    expect(missing.message).toBe('Page 999 was not found.');
    expect({ ...hidden, message: '' }).toEqual({ ...missing, message: '' });
  });
});
