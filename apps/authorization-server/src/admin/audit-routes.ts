import { Readable } from 'node:stream';
import { RequestError } from '@gatehouse/server-kit';
import {
  type AuditEvent,
  type AuditQuery,
  InvalidArgumentError,
  type Store,
} from '@gatehouse/store';
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { PageDeps } from '../account/deps.js';
import { sendPage, siteNav } from '../account/guards.js';
import { AUDIT_ACTIONS } from '../audit/audit-actions.js';
import { ADMIN_API_PREFIX } from '../http/admin-api.js';
import { type AuditRow, renderAdminAuditPage } from '../views/admin-audit-page.js';
import {
  type AuditFilterValues,
  auditFilterQuery,
  parseAuditFilters,
  readAuditFilters,
} from './audit-filters.js';

/** Events per page on the admin page and, by default, in the JSON API. */
const PAGE_SIZE = 50;
/** Most events per JSON API page, and per store read while exporting (the store's maximum). */
const MAX_PAGE_SIZE = 500;

/** The store query for the request's filters; an email as actor is resolved to the user id. */
async function auditQuery(ctx: Context, deps: PageDeps) {
  const values = readAuditFilters(ctx.query);
  const parsed = parseAuditFilters(values);
  if (!parsed.ok) return { values, errors: parsed.errors, query: null };
  const filters = { ...parsed.filters };
  if (filters.actor?.includes('@')) {
    filters.actor = (await deps.store.users.findByEmail(filters.actor))?.id ?? filters.actor;
  }
  const query: AuditQuery = { orgId: deps.config.orgId, ...filters };
  return { values, errors: {}, query };
}

function cursorOf(ctx: Context): string | undefined {
  const cursor = ctx.query.cursor;
  return typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
}

/** Reads one page; a cursor the store did not issue becomes a clear 400, not a 500. */
async function readPage(store: Pick<Store, 'audit'>, query: AuditQuery) {
  try {
    return await store.audit.query(query);
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      throw new RequestError(
        400,
        'invalid_request',
        'This page link is not valid any more. Start again from the newest events.',
        { cause: error },
      );
    }
    throw error;
  }
}

async function toRows(deps: PageDeps, events: AuditEvent[]): Promise<AuditRow[]> {
  const users = await deps.store.users.listByOrg(deps.config.orgId);
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return events.map((event) => ({
    ...event,
    actor: event.actor === null ? 'Unknown' : (emails.get(event.actor) ?? event.actor),
  }));
}

function links(values: AuditFilterValues, nextCursor: string | undefined, onLaterPage: boolean) {
  return {
    ...(nextCursor === undefined
      ? {}
      : { next: `/admin/audit${auditFilterQuery(values, { cursor: nextCursor })}` }),
    ...(onLaterPage ? { first: `/admin/audit${auditFilterQuery(values)}` } : {}),
    export: `/admin/audit/export.jsonl${auditFilterQuery(values)}`,
    json: `${ADMIN_API_PREFIX}audit${auditFilterQuery(values)}`,
  };
}

async function showAudit(ctx: Context, deps: PageDeps): Promise<void> {
  const { values, errors, query } = await auditQuery(ctx, deps);
  const cursor = cursorOf(ctx);
  const page =
    query === null
      ? { events: [] }
      : await readPage(deps.store, { ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  sendPage(
    ctx,
    renderAdminAuditPage({
      nav: siteNav(ctx, 'admin'),
      values,
      errors,
      rows: await toRows(deps, page.events),
      actions: AUDIT_ACTIONS,
      links: links(values, page.nextCursor, cursor !== undefined),
    }),
    query === null ? 400 : 200,
  );
}

/** Every matching event, newest first, one JSON object per line, read a page at a time. */
async function* jsonLines(store: Pick<Store, 'audit'>, query: AuditQuery): AsyncGenerator<string> {
  let cursor: string | undefined;
  do {
    const page = await readPage(store, {
      ...query,
      limit: MAX_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const event of page.events) yield `${JSON.stringify(event)}\n`;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

function badFilters(errors: Record<string, string | undefined>): RequestError {
  return new RequestError(400, 'invalid_request', Object.values(errors).filter(Boolean).join(' '));
}

async function exportAudit(ctx: Context, deps: PageDeps): Promise<void> {
  const { errors, query } = await auditQuery(ctx, deps);
  if (query === null) throw badFilters(errors);
  const day = new Date().toISOString().slice(0, 10);
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Disposition', `attachment; filename="gatehouse-audit-${day}.jsonl"`);
  ctx.type = 'application/jsonl; charset=utf-8';
  ctx.body = Readable.from(jsonLines(deps.store, query));
}

function apiLimit(ctx: Context): number {
  const text = ctx.query.limit;
  if (text === undefined) return PAGE_SIZE;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RequestError(
      400,
      'invalid_request',
      `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
    );
  }
  return limit;
}

async function auditApi(ctx: Context, deps: PageDeps): Promise<void> {
  const { errors, query } = await auditQuery(ctx, deps);
  if (query === null) throw badFilters(errors);
  const cursor = cursorOf(ctx);
  const page = await readPage(deps.store, {
    ...query,
    limit: apiLimit(ctx),
    ...(cursor ? { cursor } : {}),
  });
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { events: page.events, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** `/admin/audit` (page), `/admin/audit/export.jsonl` (stream) and `/admin/api/audit` (JSON). */
export function addAuditRoutes(router: Router, deps: PageDeps): void {
  router.get('/audit', (ctx) => showAudit(ctx, deps));
  router.get('/audit/export.jsonl', (ctx) => exportAudit(ctx, deps));
  router.get('/api/audit', (ctx) => auditApi(ctx, deps));
}
