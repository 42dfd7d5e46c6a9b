import type { Context } from 'koa';

/** Path prefix of the admin JSON API: its routes answer JSON, never a page or a redirect. */
export const ADMIN_API_PREFIX = '/admin/api/';

/** True for a request to the admin JSON API. */
export function isAdminApiRequest(ctx: Pick<Context, 'path'>): boolean {
  return ctx.path.startsWith(ADMIN_API_PREFIX);
}
