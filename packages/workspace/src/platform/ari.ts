import { invalidInput } from '../core/errors.js';
import type { Site } from '../core/site.js';

/** What an id handed to `fetch` points at. */
export type ResourceRef = { type: 'issue'; idOrKey: string } | { type: 'page'; pageId: string };

const ISSUE_KEY = /^[A-Z][A-Z0-9]+-\d+$/i;

/** The resource id (ARI) of an issue: `ari:cloud:jira:<siteId>:issue/<issueId>`. */
export function issueAri(site: Site, issueId: string): string {
  return `ari:cloud:jira:${site.id}:issue/${issueId}`;
}

/** The resource id (ARI) of a page: `ari:cloud:confluence:<siteId>:page/<pageId>`. */
export function pageAri(site: Site, pageId: string): string {
  return `ari:cloud:confluence:${site.id}:page/${pageId}`;
}

/**
 * Reads an id from `search` (an ARI of this site) or, for convenience, a bare issue key.
 * Returns null for an ARI of another site (which is simply not found here).
 */
export function parseResourceId(site: Site, value: string): ResourceRef | null {
  if (ISSUE_KEY.test(value)) return { type: 'issue', idOrKey: value.toUpperCase() };
  const match = /^ari:cloud:(jira|confluence):([^:]+):(issue|page)\/(\d+)$/.exec(value);
  const [, product, siteId, type, id] = match ?? [];
  const known =
    (product === 'jira' && type === 'issue') || (product === 'confluence' && type === 'page');
  if (!match || !known || !id) {
    throw invalidInput(
      'id',
      `id: "${value}" is not an issue or page id. Use an id from search, such as ` +
        `${issueAri(site, '10001')} or ${pageAri(site, '12')}, or an issue key such as OPS-1.`,
    );
  }
  if (siteId !== site.id) return null;
  return type === 'issue' ? { type: 'issue', idOrKey: id } : { type: 'page', pageId: id };
}
