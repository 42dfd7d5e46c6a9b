import { beforeEach, describe, expect, it } from 'vitest';
import { alice, bob, carol, createSeededWorkspace } from '../testing/test-fixtures.js';
import type { Workspace } from '../workspace.js';

let workspace: Workspace;
beforeEach(async () => {
  ({ workspace } = await createSeededWorkspace());
});

describe('createConfluencePage', () => {
  it('creates a page below a parent, numbered past the seed', async () => {
    const created = await workspace.createConfluencePage(carol, {
      spaceKey: 'eng',
      title: 'Runbook: Redis memory',
      body: '## Steps\n1. Check the export job.',
      parentId: '5',
    });
    expect(created).toMatchObject({
      id: '27',
      spaceKey: 'ENG',
      parentId: '5',
      version: 1,
      ancestors: [
        { id: '1', title: 'Engineering home' },
        { id: '5', title: 'Operations' },
      ],
      createdBy: { accountId: 'user-carol' },
      canEdit: true,
      url: 'https://demo.gatehouse.example/wiki/spaces/ENG/pages/27',
    });
    expect(await workspace.getConfluencePage(bob, { pageId: '27' })).toMatchObject({
      title: 'Runbook: Redis memory',
      body: '## Steps\n1. Check the export job.',
    });
  });

  it('inherits the view restriction of its parent', async () => {
    const child = await workspace.createConfluencePage(bob, {
      spaceKey: 'ENG',
      title: 'Customer notification list',
      parentId: '10',
    });
    await expect(workspace.getConfluencePage(alice, { pageId: child.id })).resolves.toBeDefined();
    await expect(workspace.getConfluencePage(carol, { pageId: child.id })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it.each([
    [{ spaceKey: 'ENG', title: '' }, 'title', 'Invalid input. title: must not be empty.'],
    [
      { spaceKey: 'ENG', title: 'x', parentId: 'home' },
      'parentId',
      'Invalid input. parentId: must be a numeric page id.',
    ],
    [
      { spaceKey: 'ENG', title: 'x', parentId: '22' },
      'parentId',
      'parentId: page 22 is in space FIN, not ENG.',
    ],
  ])('rejects %j', async (input, field, message) => {
    await expect(workspace.createConfluencePage(alice, input)).rejects.toMatchObject({
      code: 'invalid_input',
      field,
      message,
    });
  });
});

describe('updateConfluencePage', () => {
  it('replaces the body, keeps the title and raises the version', async () => {
    const updated = await workspace.updateConfluencePage(bob, {
      pageId: '3',
      body: 'Access tokens live 5 minutes.',
      expectedVersion: 3,
    });
    expect(updated).toMatchObject({
      title: 'Token lifetimes and rotation',
      body: 'Access tokens live 5 minutes.',
      version: 4,
      lastModifiedBy: { accountId: 'user-bob' },
      createdBy: { accountId: 'user-bob' },
    });
  });

  it('answers conflict when the page changed since the expected version', async () => {
    await workspace.updateConfluencePage(carol, { pageId: '1', title: 'Engineering' });
    await expect(
      workspace.updateConfluencePage(bob, { pageId: '1', body: 'x', expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'conflict',
      status: 409,
      message:
        'Page 1 is at version 2, not 1: someone changed it since you read it. Read it again ' +
        'and reapply your change.',
    });
  });

  it('needs a title or a body', async () => {
    await expect(workspace.updateConfluencePage(bob, { pageId: '1' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'body',
      message: 'Invalid input. body: must change the title or the body.',
    });
  });
});
