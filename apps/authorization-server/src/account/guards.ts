import { RequestError } from '@gatehouse/server-kit';
import type { Store, User } from '@gatehouse/store';
import type { Context, Middleware } from 'koa';
import { isAdminApiRequest } from '../http/admin-api.js';
import { createCsrfToken, isValidCsrfToken } from '../http/csrf.js';
import { renderForbiddenPage } from '../views/forbidden-page.js';
import { renderSiteNav, type SiteSection } from '../views/site-nav.js';
import type { PageDeps } from './deps.js';
import { safeReturnTo } from './return-to.js';
import type { AccountSession } from './session.js';

/** The person behind a request to a signed-in page. */
export interface SignedIn {
  user: User;
  session: AccountSession;
  /** The CSRF token of this session's forms. */
  csrfToken: string;
}

/** The signed-in person; only on routes behind `requireAccount`. */
export function signedIn(ctx: Context): SignedIn {
  const state = ctx.state.signedIn as SignedIn | undefined;
  if (state === undefined) throw new Error('signedIn() used on a route without requireAccount');
  return state;
}

/** The header navigation for a signed-in page. */
export function siteNav(ctx: Context, current: SiteSection) {
  const { user, csrfToken } = signedIn(ctx);
  return renderSiteNav({ current, email: user.email, isAdmin: user.role === 'admin', csrfToken });
}

function csrfBinding(session: AccountSession): string {
  return `account-session:${session.id}`;
}

/** The signed-in user for this request's session cookie, if any (and still enabled). */
export async function findSignedIn(
  deps: Pick<PageDeps, 'sessions' | 'csrfKey'> & { store: Pick<Store, 'users'> },
  ctx: Context,
): Promise<SignedIn | null> {
  const session = await deps.sessions.current(ctx);
  if (session === null) return null;
  const user = await deps.store.users.findById(session.userId);
  if (user === null || user.disabled) return null;
  return { user, session, csrfToken: createCsrfToken(deps.csrfKey, csrfBinding(session)) };
}

/**
 * Lets signed-in people through (as `ctx.state.signedIn`). Pages send everyone else to the
 * sign-in page with a safe `return_to`; the JSON API answers 401.
 */
export function requireAccount(deps: PageDeps): Middleware {
  return async function requireAccountMiddleware(ctx, next) {
    const found = await findSignedIn(deps, ctx);
    if (found === null) {
      if (isAdminApiRequest(ctx)) {
        throw new RequestError(401, 'login_required', 'Sign in to the admin console first.');
      }
      const returnTo = safeReturnTo(ctx.method === 'GET' ? ctx.originalUrl : undefined);
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 303;
      ctx.redirect(`/account/sign-in?return_to=${encodeURIComponent(returnTo)}`);
      return;
    }
    ctx.state.signedIn = found;
    await next();
  };
}

/** Org admins only; everyone else gets a 403 page that says so (or a 403 JSON error). */
export function requireAdmin(): Middleware {
  return async function requireAdminMiddleware(ctx, next) {
    const { user } = signedIn(ctx);
    if (user.role === 'admin') return next();
    if (isAdminApiRequest(ctx)) {
      throw new RequestError(403, 'forbidden', 'Only organization admins may read the audit log.');
    }
    ctx.status = 403;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = renderForbiddenPage({ email: user.email, nav: siteNav(ctx, 'account') });
  };
}

/** Every state-changing form of a signed-in page carries its session's CSRF token. */
export function requireCsrf(deps: Pick<PageDeps, 'csrfKey'>): Middleware {
  return async function requireCsrfMiddleware(ctx, next) {
    if (ctx.method === 'GET' || ctx.method === 'HEAD') return next();
    const token = (ctx.request.body as Record<string, unknown> | undefined)?.csrf;
    if (!isValidCsrfToken(deps.csrfKey, csrfBinding(signedIn(ctx).session), token)) {
      throw new RequestError(
        403,
        'csrf_failed',
        'This form could not be verified, so nothing was changed. Reload the page and try again.',
      );
    }
    await next();
  };
}

/** Sends a page: HTML, never cached (every signed-in page is personal). */
export function sendPage(ctx: Context, body: string, status = 200): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}

/** After a successful POST: back to a page, with a notice code the page turns into a sentence. */
export function redirectWithNotice(ctx: Context, path: string, notice: string): void {
  ctx.status = 303;
  ctx.redirect(`${path}?notice=${encodeURIComponent(notice)}`);
}
