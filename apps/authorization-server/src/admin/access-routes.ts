import { RequestError } from '@gatehouse/server-kit';
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { PageDeps } from '../account/deps.js';
import { redirectWithNotice, sendPage, signedIn, siteNav } from '../account/guards.js';
import { apiTokenStatus, revokeApiToken } from '../api-tokens/api-tokens.js';
import { clientNames, disconnectApp, groupConnectedApps } from '../grants/connected-apps.js';
import { listGrants } from '../grants/grants.js';
import { renderAdminAccessPage, type UserAccessRow } from '../views/admin-access-page.js';

const NOTICES: Readonly<Record<string, string>> = {
  'token-revoked': 'The API token is revoked. Requests that use it now fail.',
  'token-not-found': 'That API token was already revoked or does not exist.',
  'app-revoked': "The app's access for that person is revoked, with every token it held.",
  'app-not-connected': 'That app was not connected for that person.',
};

/** Every member with their tokens and connected apps: three reads, joined here. */
async function userAccessRows(deps: PageDeps): Promise<UserAccessRow[]> {
  const orgId = deps.config.orgId;
  const [users, tokens, grants] = await Promise.all([
    deps.store.users.listByOrg(orgId),
    deps.store.apiTokens.listByOrg(orgId),
    listGrants(deps.store, deps.usage),
  ]);
  const names = await clientNames(
    deps.store,
    grants.map((grant) => grant.clientId),
  );
  const now = Date.now();
  return users.map((user) => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    tokens: tokens
      .filter((token) => token.userId === user.id)
      .map((token) => ({ ...token, status: apiTokenStatus(token, now) })),
    apps: groupConnectedApps(
      grants.filter((grant) => grant.accountId === user.id),
      names,
    ),
  }));
}

async function showAccess(ctx: Context, deps: PageDeps): Promise<void> {
  const notice = typeof ctx.query.notice === 'string' ? NOTICES[ctx.query.notice] : undefined;
  sendPage(
    ctx,
    renderAdminAccessPage({
      nav: siteNav(ctx, 'admin'),
      csrfToken: signedIn(ctx).csrfToken,
      users: await userAccessRows(deps),
      ...(notice === undefined ? {} : { notice }),
    }),
  );
}

function requiredField(ctx: Context, name: string): string {
  const value = (ctx.request.body as Record<string, unknown>)[name];
  if (typeof value !== 'string' || value === '') {
    throw new RequestError(
      400,
      'invalid_request',
      `The form is missing "${name}". Reload the page.`,
    );
  }
  return value;
}

/** `/admin/access`: every user's API tokens and grants, and revoking any of them. */
export function addAccessRoutes(router: Router, deps: PageDeps): void {
  const orgDeps = { ...deps, orgId: deps.config.orgId };
  router.get('/access', (ctx) => showAccess(ctx, deps));

  router.post('/tokens/:id/revoke', async (ctx) => {
    const actor = signedIn(ctx).user;
    const outcome = await revokeApiToken(orgDeps, {
      tokenId: String(ctx.params.id),
      actor,
      ip: ctx.ip,
    });
    redirectWithNotice(
      ctx,
      '/admin/access',
      outcome === 'revoked' ? 'token-revoked' : 'token-not-found',
    );
  });

  router.post('/apps/revoke', async (ctx) => {
    const input = {
      accountId: requiredField(ctx, 'accountId'),
      clientId: requiredField(ctx, 'clientId'),
      actor: signedIn(ctx).user,
      ip: ctx.ip,
    };
    const revoked = await disconnectApp(orgDeps, input);
    redirectWithNotice(ctx, '/admin/access', revoked > 0 ? 'app-revoked' : 'app-not-connected');
  });
}
