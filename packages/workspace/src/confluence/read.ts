import type { Actor } from '../core/actor.js';
import type { WorkspaceContext } from '../core/context.js';
import { loadDirectory } from '../core/directory.js';
import { mapPage, type Page, paginate } from '../core/paging.js';
import { parseInput } from '../core/validation.js';
import { CQL, createCqlEvaluator } from '../query/cql.js';
import { runQuery } from '../query/evaluate.js';
import { parseQuery } from '../query/parser.js';
import { loadVisiblePage, loadVisiblePages, loadVisibleSpace, loadVisibleSpaces } from './load.js';
import { type ConfluenceInput, confluenceInputSchemas } from './schemas.js';
import {
  type PageSummaryView,
  type PageView,
  pageSummaryView,
  pageView,
  type SpaceView,
  spaceView,
} from './views.js';

/** Spaces the actor may view, filtered by part of the key or name, ordered by key. */
export async function getConfluenceSpaces(
  ctx: WorkspaceContext,
  actor: Actor,
  input: ConfluenceInput['getConfluenceSpaces'],
): Promise<Page<SpaceView>> {
  const { searchString, ...paging } = parseInput(confluenceInputSchemas.getConfluenceSpaces, input);
  const needle = searchString?.toLowerCase() ?? '';
  const spaces = (await loadVisibleSpaces(ctx, actor)).filter((space) =>
    `${space.key} ${space.name}`.toLowerCase().includes(needle),
  );
  return mapPage(paginate(spaces, paging), (space) => spaceView(space, actor, ctx.site));
}

/** One page with its body; `not_found` when missing or not viewable. */
export async function getConfluencePage(
  ctx: WorkspaceContext,
  actor: Actor,
  input: ConfluenceInput['getConfluencePage'],
): Promise<PageView> {
  const { pageId } = parseInput(confluenceInputSchemas.getConfluencePage, input);
  const found = await loadVisiblePage(ctx, actor, pageId);
  return pageView(found, actor, await loadDirectory(ctx), ctx.site);
}

/**
 * Pages matching a CQL query among those the actor may view, one page of results at a time.
 * The default order is `lastmodified DESC`.
 */
export async function searchConfluenceUsingCql(
  ctx: WorkspaceContext,
  actor: Actor,
  input: ConfluenceInput['searchConfluenceUsingCql'],
): Promise<Page<PageSummaryView>> {
  const { cql, ...paging } = parseInput(confluenceInputSchemas.searchConfluenceUsingCql, input);
  const query = parseQuery(cql, CQL);
  const visibleSpaces = await loadVisibleSpaces(ctx, actor);
  const directory = await loadDirectory(ctx);
  const evaluator = createCqlEvaluator({ actor, directory, visibleSpaces });
  const pages = await loadVisiblePages(ctx, actor, visibleSpaces);
  const matches = runQuery(query, pages, evaluator);
  return mapPage(paginate(matches, paging), (page) => pageSummaryView(page, directory, ctx.site));
}

/** Pages of one space the actor may view, ordered by title. */
export async function getPagesInConfluenceSpace(
  ctx: WorkspaceContext,
  actor: Actor,
  input: ConfluenceInput['getPagesInConfluenceSpace'],
): Promise<Page<PageSummaryView>> {
  const { spaceKey, ...paging } = parseInput(
    confluenceInputSchemas.getPagesInConfluenceSpace,
    input,
  );
  const space = await loadVisibleSpace(ctx, actor, spaceKey);
  const pages = (await loadVisiblePages(ctx, actor, [space])).sort(
    (a, b) => a.title.localeCompare(b.title) || Number(a.id) - Number(b.id),
  );
  const directory = await loadDirectory(ctx);
  return mapPage(paginate(pages, paging), (page) => pageSummaryView(page, directory, ctx.site));
}
