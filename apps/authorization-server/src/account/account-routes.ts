import { getScope, PRODUCT_DISPLAY_NAMES, PRODUCTS } from '@gatehouse/policy';
import { RequestError } from '@gatehouse/server-kit';
import { bodyParser } from '@koa/bodyparser';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { DEFAULT_API_TOKEN_DAYS, parseApiTokenForm } from '../api-tokens/api-token-form.js';
import {
  allowedApiTokenScopes,
  apiTokenStatus,
  createApiToken,
  revokeApiToken,
} from '../api-tokens/api-tokens.js';
import { disconnectApp, listConnectedApps } from '../grants/connected-apps.js';
import { createPageRouter } from '../http/router.js';
import { renderAccountPage } from '../views/account-page.js';
import { renderApiTokenCreatedPage } from '../views/api-token-created-page.js';
import {
  type ApiTokenFormPageOptions,
  renderApiTokenFormPage,
  type ScopeChoiceGroup,
} from '../views/api-token-form-page.js';
import type { PageDeps } from './deps.js';
import {
  redirectWithNotice,
  requireAccount,
  requireCsrf,
  sendPage,
  signedIn,
  siteNav,
} from './guards.js';

/** Account forms are small; the token form with every scope ticked is well under this. */
const FORM_LIMIT = '16kb';

/** What the account page says after each action; the query carries only the code. */
const NOTICES: Readonly<Record<string, string>> = {
  'token-revoked': 'The API token is revoked. Requests that use it now fail.',
  'token-not-found': 'That API token was already revoked or does not exist.',
  'app-disconnected': 'The app is disconnected. It can no longer use your account.',
  'app-not-connected': 'That app was not connected to your account.',
};

function noticeFrom(ctx: Context): string | undefined {
  const code = ctx.query.notice;
  return typeof code === 'string' ? NOTICES[code] : undefined;
}

/** The scopes a new token may be limited to, grouped by product for the form. */
export function scopeChoiceGroups(allowed: readonly string[]): ScopeChoiceGroup[] {
  return PRODUCTS.flatMap((product) => {
    const scopes = allowed.flatMap((id) => {
      const scope = getScope(id);
      return scope?.product === product ? [{ scope: id, sentence: scope.consentSentence }] : [];
    });
    return scopes.length === 0 ? [] : [{ productName: PRODUCT_DISPLAY_NAMES[product], scopes }];
  });
}

async function showAccount(ctx: Context, deps: PageDeps): Promise<void> {
  const { user, csrfToken } = signedIn(ctx);
  const now = Date.now();
  const [records, apps] = await Promise.all([
    deps.store.apiTokens.listByUser(user.id),
    listConnectedApps(deps, user.id),
  ]);
  const tokens = records.map((record) => ({ ...record, status: apiTokenStatus(record, now) }));
  const notice = noticeFrom(ctx);
  sendPage(
    ctx,
    renderAccountPage({
      user,
      nav: siteNav(ctx, 'account'),
      csrfToken,
      tokens,
      apps,
      apiTokenAuthEnabled: deps.settings.current().apiTokenAuthEnabled,
      ...(notice === undefined ? {} : { notice }),
    }),
  );
}

function tokenFormPage(
  ctx: Context,
  deps: PageDeps,
  form: Pick<ApiTokenFormPageOptions, 'values' | 'errors'>,
): string {
  const settings = deps.settings.current();
  return renderApiTokenFormPage({
    ...form,
    nav: siteNav(ctx, 'account'),
    csrfToken: signedIn(ctx).csrfToken,
    groups: scopeChoiceGroups(allowedApiTokenScopes(settings)),
    maxDays: settings.tokenLifetimes.apiTokenMaxDays,
    apiTokenAuthEnabled: settings.apiTokenAuthEnabled,
  });
}

async function createToken(ctx: Context, deps: PageDeps): Promise<void> {
  const settings = deps.settings.current();
  const result = parseApiTokenForm(ctx.request.body, {
    maxDays: settings.tokenLifetimes.apiTokenMaxDays,
    allowedScopes: allowedApiTokenScopes(settings),
  });
  if (!result.ok) {
    sendPage(ctx, tokenFormPage(ctx, deps, { values: result.values, errors: result.errors }), 400);
    return;
  }
  const { user } = signedIn(ctx);
  const { token, record } = await createApiToken(
    { ...deps, orgId: deps.config.orgId },
    { user, request: result.request, ip: ctx.ip },
  );
  // Shown in this response only: no redirect, so the token never sits in a URL or history entry.
  sendPage(
    ctx,
    renderApiTokenCreatedPage({
      nav: siteNav(ctx, 'account'),
      token,
      name: record.name,
      scopes: record.scopes,
      expiresAt: record.expiresAt,
    }),
    201,
  );
}

/** `/account`: the signed-in user's API tokens and connected apps. */
export function createAccountRouter(deps: PageDeps): Router {
  const router = createPageRouter('/account');
  const form = bodyParser({ enableTypes: ['form'], formLimit: FORM_LIMIT });
  router.use(requireAccount(deps));
  router.use(form, requireCsrf(deps));

  router.get('/', (ctx) => showAccount(ctx, deps));

  router.get('/tokens/new', (ctx) => {
    const maxDays = deps.settings.current().tokenLifetimes.apiTokenMaxDays;
    const days = String(Math.min(DEFAULT_API_TOKEN_DAYS, maxDays));
    const values = { name: '', expiresInDays: days, scopes: [] };
    sendPage(ctx, tokenFormPage(ctx, deps, { values, errors: {} }));
  });

  router.post('/tokens', (ctx) => createToken(ctx, deps));

  router.post('/tokens/:id/revoke', async (ctx) => {
    const { user } = signedIn(ctx);
    const outcome = await revokeApiToken(
      { ...deps, orgId: deps.config.orgId },
      { tokenId: String(ctx.params.id), actor: user, ip: ctx.ip, ownerId: user.id },
    );
    redirectWithNotice(
      ctx,
      '/account',
      outcome === 'revoked' ? 'token-revoked' : 'token-not-found',
    );
  });

  router.post('/apps/revoke', async (ctx) => {
    const clientId = (ctx.request.body as Record<string, unknown>).clientId;
    if (typeof clientId !== 'string' || clientId === '') {
      throw new RequestError(400, 'invalid_request', 'Choose which app to disconnect.');
    }
    const { user } = signedIn(ctx);
    const revoked = await disconnectApp(
      { ...deps, orgId: deps.config.orgId },
      { accountId: user.id, clientId, actor: user, ip: ctx.ip },
    );
    redirectWithNotice(ctx, '/account', revoked > 0 ? 'app-disconnected' : 'app-not-connected');
  });

  return router;
}
