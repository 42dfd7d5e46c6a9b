import type { AccessGrants } from './access.js';

/** Space permissions, lowest first: each includes the ones before it. */
export const SPACE_PERMISSIONS = ['view', 'edit', 'administer'] as const;
/**
 * - `view`: see the space and its pages (unless a page restriction narrows it).
 * - `edit`: also create pages and update pages (unless a page edit restriction narrows it).
 * - `administer`: also pass every page restriction in the space.
 */
export type SpacePermission = (typeof SPACE_PERMISSIONS)[number];

/** Stored under kind `confluence.space`, id = key. */
export interface SpaceRecord {
  key: string;
  name: string;
  description: string;
  access: AccessGrants<SpacePermission>;
  createdAt: number;
}

/**
 * Page restrictions narrow the space permissions; they never widen them. An empty list means
 * "no restriction". A view restriction also applies to every page below the restricted one
 * (as in Confluence); an edit restriction applies to its own page only.
 */
export interface PageRestrictions {
  /** User ids who may view; empty = everyone who may view the space. */
  view: string[];
  /** User ids who may edit; empty = everyone who may edit the space. */
  edit: string[];
}

/** Stored under kind `confluence.page`, id = sequence number. */
export interface PageRecord {
  id: string;
  spaceKey: string;
  title: string;
  /** Plain text or simple markdown. */
  body: string;
  parentId: string | null;
  /** 1 on creation, +1 with every update. */
  version: number;
  restrictions: PageRestrictions;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
}
