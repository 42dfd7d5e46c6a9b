import type { Actor } from '../core/actor.js';
import type { WorkspaceContext } from '../core/context.js';
import { loadDirectory } from '../core/directory.js';
import { conflict, invalidInput } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import type { PageRecord } from '../model/confluence.js';
import { KINDS, SEQUENCES } from '../model/kinds.js';
import { requireCreateInSpace, requireEditPage } from './access.js';
import { loadVisiblePage, loadVisibleSpace } from './load.js';
import { type ConfluenceInput, confluenceInputSchemas } from './schemas.js';
import { type PageView, pageView } from './views.js';

/**
 * Creates a page, at the top of the space or below a parent the actor can view in the same
 * space; needs `edit` in the space. The new page carries no restrictions of its own (it does
 * inherit the parent's view restriction).
 */
export async function createConfluencePage(
  ctx: WorkspaceContext,
  actor: Actor,
  input: ConfluenceInput['createConfluencePage'],
): Promise<PageView> {
  const fields = parseInput(confluenceInputSchemas.createConfluencePage, input);
  const space = await loadVisibleSpace(ctx, actor, fields.spaceKey);
  requireCreateInSpace(actor, space);
  const parent = fields.parentId ? await loadVisiblePage(ctx, actor, fields.parentId) : null;
  if (parent && parent.space.key !== space.key) {
    throw invalidInput(
      'parentId',
      `parentId: page ${parent.page.id} is in space ${parent.space.key}, not ${space.key}.`,
    );
  }
  const now = ctx.now();
  const page: PageRecord = {
    id: String(await ctx.records.nextSequence(SEQUENCES.page)),
    spaceKey: space.key,
    title: fields.title,
    body: fields.body,
    parentId: parent?.page.id ?? null,
    version: 1,
    restrictions: { view: [], edit: [] },
    createdBy: actor.userId,
    createdAt: now,
    updatedBy: actor.userId,
    updatedAt: now,
  };
  if (!(await ctx.records.create(KINDS.page, page.id, page))) {
    throw conflict(`Page id ${page.id} is already taken; please try again.`);
  }
  const ancestors = parent ? [parent.page, ...parent.ancestors] : [];
  return pageView({ page, space, ancestors }, actor, await loadDirectory(ctx), ctx.site);
}

/**
 * Replaces a page's title and/or body and raises its version by one. Needs `edit` in the
 * space and a place on the page's edit restriction, if it has one. With `expectedVersion`,
 * fails with `conflict` when someone changed the page since that version.
 */
export async function updateConfluencePage(
  ctx: WorkspaceContext,
  actor: Actor,
  input: ConfluenceInput['updateConfluencePage'],
): Promise<PageView> {
  const fields = parseInput(confluenceInputSchemas.updateConfluencePage, input);
  const found = await loadVisiblePage(ctx, actor, fields.pageId);
  const { page, space } = found;
  requireEditPage(actor, space, page);
  if (fields.expectedVersion !== undefined && fields.expectedVersion !== page.version) {
    throw conflict(
      `Page ${page.id} is at version ${page.version}, not ${fields.expectedVersion}: ` +
        'someone changed it since you read it. Read it again and reapply your change.',
    );
  }
  const updated: PageRecord = {
    ...page,
    title: fields.title ?? page.title,
    body: fields.body ?? page.body,
    version: page.version + 1,
    updatedBy: actor.userId,
    updatedAt: ctx.now(),
  };
  await ctx.records.put(KINDS.page, page.id, updated);
  return pageView({ ...found, page: updated }, actor, await loadDirectory(ctx), ctx.site);
}
