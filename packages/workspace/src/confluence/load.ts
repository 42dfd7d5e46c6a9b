import type { Actor } from '../core/actor.js';
import type { WorkspaceContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import type { PageRecord, SpaceRecord } from '../model/confluence.js';
import { KINDS } from '../model/kinds.js';
import { canViewPage, hasSpacePermission } from './access.js';

/** Deepest page tree followed; guards against a corrupt parent loop. */
const MAX_PAGE_DEPTH = 50;

/** Every space the actor may view, ordered by key. */
export async function loadVisibleSpaces(
  ctx: WorkspaceContext,
  actor: Actor,
): Promise<SpaceRecord[]> {
  const spaces = await ctx.records.list<SpaceRecord>(KINDS.space);
  return spaces.filter((space) => hasSpacePermission(actor, space, 'view'));
}

/** A space the actor may view; `not_found` otherwise, same as for a missing one. */
export async function loadVisibleSpace(
  ctx: WorkspaceContext,
  actor: Actor,
  key: string,
): Promise<SpaceRecord> {
  const space = await ctx.records.get<SpaceRecord>(KINDS.space, key.toUpperCase());
  if (!space || !hasSpacePermission(actor, space, 'view')) throw notFound(`Space ${key}`);
  return space;
}

/** The page's ancestors, nearest first, found through `lookup`. */
export async function ancestorsOf(
  page: PageRecord,
  lookup: (id: string) => PageRecord | null | Promise<PageRecord | null>,
): Promise<PageRecord[]> {
  const ancestors: PageRecord[] = [];
  let parentId = page.parentId;
  while (parentId !== null && ancestors.length < MAX_PAGE_DEPTH) {
    const parent = await lookup(parentId);
    if (!parent || ancestors.some((a) => a.id === parent.id)) break;
    ancestors.push(parent);
    parentId = parent.parentId;
  }
  return ancestors;
}

/** A page the actor may view, with its space and ancestors; `not_found` otherwise. */
export async function loadVisiblePage(
  ctx: WorkspaceContext,
  actor: Actor,
  pageId: string,
): Promise<{ page: PageRecord; space: SpaceRecord; ancestors: PageRecord[] }> {
  const page = await ctx.records.get<PageRecord>(KINDS.page, pageId);
  const space = page ? await ctx.records.get<SpaceRecord>(KINDS.space, page.spaceKey) : null;
  if (page && space) {
    const ancestors = await ancestorsOf(page, (id) => ctx.records.get<PageRecord>(KINDS.page, id));
    if (canViewPage(actor, space, page, ancestors)) return { page, space, ancestors };
  }
  throw notFound(`Page ${pageId}`);
}

/** Every page the actor may view in the given spaces, in storage order. */
export async function loadVisiblePages(
  ctx: WorkspaceContext,
  actor: Actor,
  spaces: readonly SpaceRecord[],
): Promise<PageRecord[]> {
  const all = await ctx.records.list<PageRecord>(KINDS.page);
  const byId = new Map(all.map((page) => [page.id, page]));
  const spaceByKey = new Map(spaces.map((space) => [space.key, space]));
  const visible: PageRecord[] = [];
  for (const page of all) {
    const space = spaceByKey.get(page.spaceKey);
    if (!space) continue;
    const ancestors = await ancestorsOf(page, (id) => byId.get(id) ?? null);
    if (canViewPage(actor, space, page, ancestors)) visible.push(page);
  }
  return visible;
}
