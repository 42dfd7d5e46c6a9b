import { z } from 'zod';
import { loadVisiblePage, loadVisiblePages, loadVisibleSpaces } from '../confluence/load.js';
import { type PageView, pageUrl, pageView } from '../confluence/views.js';
import type { Actor } from '../core/actor.js';
import { loadComments } from '../core/comments.js';
import type { WorkspaceContext } from '../core/context.js';
import { isoTime, loadDirectory } from '../core/directory.js';
import { notFound } from '../core/errors.js';
import { excerpt } from '../core/excerpt.js';
import { type Page, paginate, pagingShape } from '../core/paging.js';
import { parseInput } from '../core/validation.js';
import { COMMENT_STORAGE } from '../jira/comments.js';
import { loadSearchableIssues } from '../jira/issue-read.js';
import { loadVisibleIssue, loadVisibleProjects } from '../jira/load.js';
import { type IssueView, issueUrl, issueView } from '../jira/views.js';
import { matchesText } from '../query/evaluate.js';
import { issueAri, pageAri, parseResourceId } from './ari.js';

export const searchInputSchemas = {
  search: z.object({
    query: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
    ...pagingShape,
  }),
  fetch: z.object({ id: z.string().trim().min(1, 'must not be empty').max(512) }),
};

/** One hit of the cross-product search. */
export interface SearchResult {
  /** Pass to `fetch`. */
  id: string;
  type: 'issue' | 'page';
  title: string;
  url: string;
  excerpt: string;
  /** ISO 8601. */
  updated: string;
}

/** What `fetch` returns: the full issue or page. */
export type FetchResult = { type: 'issue'; issue: IssueView } | { type: 'page'; page: PageView };

type TimedResult = SearchResult & { at: number };

async function issueHits(ctx: WorkspaceContext, actor: Actor, query: string) {
  const issues = await loadSearchableIssues(ctx, await loadVisibleProjects(ctx, actor));
  return issues
    .filter(({ issue, commentText }) => {
      const text = [issue.key, issue.summary, issue.description, ...issue.labels, commentText];
      return matchesText(text.join('\n'), query);
    })
    .map(
      ({ issue }): TimedResult => ({
        id: issueAri(ctx.site, issue.id),
        type: 'issue',
        title: `${issue.key}: ${issue.summary}`,
        url: issueUrl(ctx.site, issue.key),
        excerpt: excerpt(issue.description, query),
        updated: isoTime(issue.updatedAt),
        at: issue.updatedAt,
      }),
    );
}

async function pageHits(ctx: WorkspaceContext, actor: Actor, query: string) {
  const pages = await loadVisiblePages(ctx, actor, await loadVisibleSpaces(ctx, actor));
  return pages
    .filter((page) => matchesText(`${page.title}\n${page.body}`, query))
    .map(
      (page): TimedResult => ({
        id: pageAri(ctx.site, page.id),
        type: 'page',
        title: page.title,
        url: pageUrl(ctx.site, page),
        excerpt: excerpt(page.body, query),
        updated: isoTime(page.updatedAt),
        at: page.updatedAt,
      }),
    );
}

/**
 * Plain-text search across the issues and pages the actor may open (every word must occur in
 * the title, text, labels or, for issues, comments), most recently updated first.
 */
export async function search(
  ctx: WorkspaceContext,
  actor: Actor,
  input: z.input<typeof searchInputSchemas.search>,
): Promise<Page<SearchResult>> {
  const { query, ...paging } = parseInput(searchInputSchemas.search, input);
  const hits = [...(await issueHits(ctx, actor, query)), ...(await pageHits(ctx, actor, query))];
  hits.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
  const page = paginate(hits, paging);
  return { ...page, items: page.items.map(({ at: _at, ...hit }) => hit) };
}

/** One issue or page by a `search` id; `not_found` when missing or not the actor's to open. */
export async function fetch(
  ctx: WorkspaceContext,
  actor: Actor,
  input: z.input<typeof searchInputSchemas.fetch>,
): Promise<FetchResult> {
  const { id } = parseInput(searchInputSchemas.fetch, input);
  const ref = parseResourceId(ctx.site, id);
  if (!ref) throw notFound(`Item ${id}`);
  const directory = await loadDirectory(ctx);
  if (ref.type === 'issue') {
    const { issue, project } = await loadVisibleIssue(ctx, actor, ref.idOrKey);
    const comments = await loadComments(ctx, COMMENT_STORAGE, issue.key);
    return { type: 'issue', issue: issueView(issue, project, comments, directory, ctx.site) };
  }
  const found = await loadVisiblePage(ctx, actor, ref.pageId);
  return { type: 'page', page: pageView(found, actor, directory, ctx.site) };
}
