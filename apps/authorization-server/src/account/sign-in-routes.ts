import { randomBytes } from 'node:crypto';
import { RequestError } from '@gatehouse/server-kit';
import { bodyParser } from '@koa/bodyparser';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { createCsrfToken, isValidCsrfToken } from '../http/csrf.js';
import { formString } from '../http/form.js';
import { isHttpsIssuer } from '../http/https-issuer.js';
import { createPageRouter } from '../http/router.js';
import { checkCredentials } from '../sign-in/check-credentials.js';
import { renderLoginPage } from '../views/login-page.js';
import { renderMessagePage } from '../views/message-page.js';
import type { PageDeps } from './deps.js';
import { findSignedIn, requireAccount, requireCsrf, sendPage, signedIn } from './guards.js';
import { safeReturnTo } from './return-to.js';

/** Sign-in forms are tiny; anything larger is not ours. */
const FORM_LIMIT = '8kb';
/** How long a sign-in form stays usable, in seconds. */
const SIGN_IN_FORM_TTL_SECONDS = 15 * 60;

function nonceCookieName(https: boolean): string {
  return https ? '__Host-gatehouse.account-sign-in' : 'gatehouse.account-sign-in';
}

/**
 * Login CSRF: before anyone is signed in there is no session to bind a form to, so the form is
 * bound to a random nonce in a short-lived signed cookie (double submit, HMAC'd).
 */
function signInCsrf(deps: PageDeps) {
  const https = isHttpsIssuer(deps.config);
  const name = nonceCookieName(https);
  const options = {
    httpOnly: true,
    sameSite: 'lax',
    secure: https,
    signed: true,
    path: '/',
  } as const;
  return {
    issue(ctx: Context): string {
      const nonce = randomBytes(24).toString('base64url');
      ctx.cookies.set(name, nonce, { ...options, maxAge: SIGN_IN_FORM_TTL_SECONDS * 1000 });
      return createCsrfToken(deps.csrfKey, `account-sign-in:${nonce}`);
    },
    verify(ctx: Context): void {
      const nonce = ctx.cookies.get(name, { signed: true });
      const token = (ctx.request.body as Record<string, unknown> | undefined)?.csrf;
      if (
        nonce === undefined ||
        !isValidCsrfToken(deps.csrfKey, `account-sign-in:${nonce}`, token)
      ) {
        throw new RequestError(
          403,
          'csrf_failed',
          'This sign-in form has expired or could not be verified. Reload the page and sign in again.',
        );
      }
    },
    clear(ctx: Context): void {
      ctx.cookies.set(name, null, { ...options, maxAge: 0 });
    },
  };
}

type SignInCsrf = ReturnType<typeof signInCsrf>;

function renderSignIn(
  ctx: Context,
  csrfToken: string,
  view: { returnTo: string; email?: string; error?: string; status?: number },
): void {
  const page = renderLoginPage({
    action: `/account/sign-in?return_to=${encodeURIComponent(view.returnTo)}`,
    csrfToken,
    clientName: 'your Gatehouse account',
    ...(view.email === undefined ? {} : { email: view.email }),
    ...(view.error === undefined ? {} : { error: view.error }),
  });
  sendPage(ctx, page, view.status ?? 200);
}

async function submitSignIn(ctx: Context, deps: PageDeps, csrf: SignInCsrf): Promise<void> {
  csrf.verify(ctx);
  const returnTo = safeReturnTo(ctx.query.return_to);
  const email = formString(ctx.request.body, 'email').trim().toLowerCase();
  const check = await checkCredentials(deps.credentials, {
    email,
    password: formString(ctx.request.body, 'password'),
    ip: ctx.ip,
    clientId: null,
    via: 'account',
  });
  if (!check.ok) {
    if (check.retryAfterSeconds !== undefined) {
      ctx.set('Retry-After', String(check.retryAfterSeconds));
    }
    const view = { returnTo, email, error: check.message, status: check.status };
    renderSignIn(ctx, csrf.issue(ctx), view);
    return;
  }
  await deps.sessions.start(ctx, check.user.id);
  csrf.clear(ctx);
  ctx.status = 303;
  ctx.redirect(returnTo);
}

/** `/account/sign-in` and `/account/sign-out`: the account pages' own session. */
export function createSignInRouter(deps: PageDeps): Router {
  const router = createPageRouter('/account');
  const form = bodyParser({ enableTypes: ['form'], formLimit: FORM_LIMIT });
  const csrf = signInCsrf(deps);

  router.get('/sign-in', async (ctx) => {
    const returnTo = safeReturnTo(ctx.query.return_to);
    if ((await findSignedIn(deps, ctx)) !== null) {
      ctx.status = 303;
      ctx.redirect(returnTo);
      return;
    }
    renderSignIn(ctx, csrf.issue(ctx), { returnTo });
  });

  router.post('/sign-in', form, (ctx) => submitSignIn(ctx, deps, csrf));

  router.post('/sign-out', form, requireAccount(deps), requireCsrf(deps), async (ctx) => {
    const { user } = signedIn(ctx);
    await deps.sessions.end(ctx);
    await deps.audit({
      orgId: deps.config.orgId,
      action: 'auth.sign_out',
      outcome: 'success',
      actor: user.id,
      ip: ctx.ip,
      details: { via: 'account' },
    });
    sendPage(
      ctx,
      renderMessagePage({
        title: 'You are signed out',
        message:
          'You are signed out of your Gatehouse account. Apps you connected keep their access until you disconnect them.',
      }),
    );
  });

  return router;
}
