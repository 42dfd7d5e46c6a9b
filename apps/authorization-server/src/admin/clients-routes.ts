import type Router from '@koa/router';
import type { Context } from 'koa';
import type { PageDeps } from '../account/deps.js';
import { redirectWithNotice, sendPage, signedIn, siteNav } from '../account/guards.js';
import {
  type ClientChangeOutcome,
  type ClientRegistryDeps,
  deleteClient,
  listClients,
  setClientBlocked,
} from '../clients/client-registry.js';
import { renderAdminClientsPage } from '../views/admin-clients-page.js';

const NOTICES: Readonly<Record<string, string>> = {
  deleted: 'The app is deleted, with every token it held.',
  blocked: 'The app is blocked. Its access is revoked and it cannot sign anyone in.',
  unblocked: 'The app is unblocked. People can connect it again.',
  'not-found': 'That app does not exist any more.',
  static: 'Apps configured on this server cannot be changed here.',
};

export function registryDeps(deps: PageDeps): ClientRegistryDeps {
  return { ...deps, orgId: deps.config.orgId };
}

function noticeFor(outcome: ClientChangeOutcome, done: string): string {
  return outcome === 'done' ? done : outcome === 'static' ? 'static' : 'not-found';
}

async function showClients(ctx: Context, deps: PageDeps): Promise<void> {
  const notice = typeof ctx.query.notice === 'string' ? NOTICES[ctx.query.notice] : undefined;
  sendPage(
    ctx,
    renderAdminClientsPage({
      nav: siteNav(ctx, 'admin'),
      csrfToken: signedIn(ctx).csrfToken,
      clients: await listClients(registryDeps(deps)),
      ...(notice === undefined ? {} : { notice }),
    }),
  );
}

/** `/admin/clients`: list, block, unblock and delete registered clients. */
export function addClientsRoutes(router: Router, deps: PageDeps): void {
  router.get('/clients', (ctx) => showClients(ctx, deps));

  router.post('/clients/:id/delete', async (ctx) => {
    const input = { clientId: String(ctx.params.id), actor: signedIn(ctx).user, ip: ctx.ip };
    const outcome = await deleteClient(registryDeps(deps), input);
    redirectWithNotice(ctx, '/admin/clients', noticeFor(outcome, 'deleted'));
  });

  for (const [action, blocked] of [
    ['block', true],
    ['unblock', false],
  ] as const) {
    router.post(`/clients/:id/${action}`, async (ctx) => {
      const input = {
        clientId: String(ctx.params.id),
        blocked,
        actor: signedIn(ctx).user,
        ip: ctx.ip,
      };
      const outcome = await setClientBlocked(registryDeps(deps), input);
      redirectWithNotice(
        ctx,
        '/admin/clients',
        noticeFor(outcome, blocked ? 'blocked' : 'unblocked'),
      );
    });
  }
}
