import type { Actor } from '../core/actor.js';
import { loadComments, loadCommentsByParent } from '../core/comments.js';
import type { WorkspaceContext } from '../core/context.js';
import { loadDirectory } from '../core/directory.js';
import { type Page, paginate } from '../core/paging.js';
import { parseInput } from '../core/validation.js';
import type { IssueRecord, ProjectRecord } from '../model/jira.js';
import { KINDS } from '../model/kinds.js';
import { runQuery } from '../query/evaluate.js';
import { createJqlEvaluator, JQL, type SearchableIssue } from '../query/jql.js';
import { parseQuery } from '../query/parser.js';
import { COMMENT_STORAGE } from './comments.js';
import { loadVisibleIssue, loadVisibleProjects } from './load.js';
import { type JiraInput, jiraInputSchemas } from './schemas.js';
import { type IssueSummaryView, type IssueView, issueSummaryView, issueView } from './views.js';

/** One issue with its comments; `not_found` when missing or not browsable. */
export async function getJiraIssue(
  ctx: WorkspaceContext,
  actor: Actor,
  input: JiraInput['getJiraIssue'],
): Promise<IssueView> {
  const { issueIdOrKey } = parseInput(jiraInputSchemas.getJiraIssue, input);
  const { issue, project } = await loadVisibleIssue(ctx, actor, issueIdOrKey);
  const comments = await loadComments(ctx, COMMENT_STORAGE, issue.key);
  return issueView(issue, project, comments, await loadDirectory(ctx), ctx.site);
}

/**
 * Issues matching a JQL query among those the actor may browse, one page at a time. An empty
 * query matches every visible issue; the default order is `updated DESC`.
 */
export async function searchJiraIssuesUsingJql(
  ctx: WorkspaceContext,
  actor: Actor,
  input: JiraInput['searchJiraIssuesUsingJql'],
): Promise<Page<IssueSummaryView>> {
  const { jql, ...paging } = parseInput(jiraInputSchemas.searchJiraIssuesUsingJql, input);
  const query = parseQuery(jql, JQL);
  const visibleProjects = await loadVisibleProjects(ctx, actor);
  const directory = await loadDirectory(ctx);
  const evaluator = createJqlEvaluator({ actor, directory, visibleProjects });
  const matches = runQuery(query, await loadSearchableIssues(ctx, visibleProjects), evaluator);
  const projects = new Map(visibleProjects.map((project) => [project.key, project]));
  const page = paginate(matches, paging);
  return {
    ...page,
    items: page.items.map(({ issue }) =>
      issueSummaryView(issue, projects.get(issue.projectKey) as ProjectRecord, directory, ctx.site),
    ),
  };
}

/** Issues of the given projects, each with its comment text for `text ~` and `comment ~`. */
export async function loadSearchableIssues(
  ctx: WorkspaceContext,
  projects: readonly ProjectRecord[],
): Promise<SearchableIssue[]> {
  const keys = new Set(projects.map((project) => project.key));
  const issues = (await ctx.records.list<IssueRecord>(KINDS.issue)).filter((issue) =>
    keys.has(issue.projectKey),
  );
  const comments = await loadCommentsByParent(ctx, COMMENT_STORAGE);
  return issues.map((issue) => ({
    issue,
    commentText: (comments.get(issue.key) ?? []).map((comment) => comment.body).join('\n'),
  }));
}
