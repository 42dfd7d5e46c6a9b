import { z } from 'zod';

/** Page size when the caller names none. */
export const DEFAULT_PAGE_SIZE = 25;
/** Largest page size; larger requests are clamped to it (as Jira does). */
export const MAX_PAGE_SIZE = 100;

/** Paging fields every list and search input accepts. */
export const pagingShape = {
  startAt: z.number().int('must be a whole number').min(0, 'must be 0 or more').default(0),
  maxResults: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .default(DEFAULT_PAGE_SIZE)
    .transform((size) => Math.min(size, MAX_PAGE_SIZE)),
};

/** One page of a permission-filtered result. */
export interface Page<T> {
  items: T[];
  /** How many items the actor can see in all pages together. */
  total: number;
  startAt: number;
  /** The page size actually used (after clamping). */
  maxResults: number;
  /** True when no items follow this page. */
  isLast: boolean;
}

/** Cuts one page out of an already filtered and ordered list. */
export function paginate<T>(all: readonly T[], paging: { startAt: number; maxResults: number }) {
  const items = all.slice(paging.startAt, paging.startAt + paging.maxResults);
  const page: Page<T> = {
    items,
    total: all.length,
    startAt: paging.startAt,
    maxResults: paging.maxResults,
    isLast: paging.startAt + items.length >= all.length,
  };
  return page;
}

/** Maps the items of a page, keeping its paging facts. */
export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(map) };
}
