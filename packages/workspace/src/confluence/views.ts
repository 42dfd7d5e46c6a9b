import type { Actor } from '../core/actor.js';
import { isoTime, type UserDirectory, type UserRef } from '../core/directory.js';
import { excerpt } from '../core/excerpt.js';
import type { Site } from '../core/site.js';
import type { PageRecord, SpacePermission, SpaceRecord } from '../model/confluence.js';
import { canEditPage, spacePermissionOf } from './access.js';

/** A space as answers show it. */
export interface SpaceView {
  key: string;
  name: string;
  description: string;
  url: string;
  /** The asking user's permission in the space. */
  myPermission: SpacePermission;
}

/** A page as lists and searches show it (an excerpt instead of the body). */
export interface PageSummaryView {
  id: string;
  title: string;
  spaceKey: string;
  parentId: string | null;
  version: number;
  url: string;
  excerpt: string;
  createdBy: UserRef;
  lastModifiedBy: UserRef;
  /** ISO 8601. */
  created: string;
  /** ISO 8601. */
  lastModified: string;
}

/** A page with its body and where it sits. */
export interface PageView extends PageSummaryView {
  body: string;
  /** Ancestors, root first. */
  ancestors: Array<{ id: string; title: string }>;
  /** Whether the asking user may update it. */
  canEdit: boolean;
}

export function spaceView(space: SpaceRecord, actor: Actor, site: Site): SpaceView {
  return {
    key: space.key,
    name: space.name,
    description: space.description,
    url: `${site.url}/wiki/spaces/${space.key}`,
    myPermission: spacePermissionOf(actor, space) ?? 'view',
  };
}

/** The link to a page on the site. */
export function pageUrl(site: Site, page: PageRecord): string {
  return `${site.url}/wiki/spaces/${page.spaceKey}/pages/${page.id}`;
}

export function pageSummaryView(
  page: PageRecord,
  directory: UserDirectory,
  site: Site,
  query = '',
): PageSummaryView {
  return {
    id: page.id,
    title: page.title,
    spaceKey: page.spaceKey,
    parentId: page.parentId,
    version: page.version,
    url: pageUrl(site, page),
    excerpt: excerpt(page.body, query),
    createdBy: directory.ref(page.createdBy),
    lastModifiedBy: directory.ref(page.updatedBy),
    created: isoTime(page.createdAt),
    lastModified: isoTime(page.updatedAt),
  };
}

export function pageView(
  found: { page: PageRecord; space: SpaceRecord; ancestors: readonly PageRecord[] },
  actor: Actor,
  directory: UserDirectory,
  site: Site,
): PageView {
  const { page, space, ancestors } = found;
  return {
    ...pageSummaryView(page, directory, site),
    body: page.body,
    ancestors: [...ancestors].reverse().map((a) => ({ id: a.id, title: a.title })),
    canEdit: canEditPage(actor, space, page),
  };
}
