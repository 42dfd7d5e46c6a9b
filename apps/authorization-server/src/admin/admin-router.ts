import { bodyParser } from '@koa/bodyparser';
import type Router from '@koa/router';
import type { PageDeps } from '../account/deps.js';
import { requireAccount, requireAdmin, requireCsrf } from '../account/guards.js';
import { createPageRouter } from '../http/router.js';
import { addAccessRoutes } from './access-routes.js';
import { addAuditRoutes } from './audit-routes.js';
import { addClientsRoutes } from './clients-routes.js';
import { addSettingsRoutes } from './settings-routes.js';

/** Admin forms are small; the settings form with 100 domains is well under this. */
const FORM_LIMIT = '32kb';

/**
 * `/admin`: the org admin console. Every route needs a signed-in org admin; every POST needs
 * its session's CSRF token. The JSON API (`/admin/api/…`) uses the same session: GET only, so
 * CSRF cannot change anything through it, and `SameSite=Lax` keeps its cookie off cross-site
 * requests made by script.
 */
export function createAdminRouter(deps: PageDeps): Router {
  const router = createPageRouter('/admin');
  router.use(requireAccount(deps), requireAdmin());
  router.use(bodyParser({ enableTypes: ['form'], formLimit: FORM_LIMIT }), requireCsrf(deps));
  router.get('/', (ctx) => {
    ctx.status = 303;
    ctx.redirect('/admin/settings');
  });
  addSettingsRoutes(router, deps);
  addClientsRoutes(router, deps);
  addAccessRoutes(router, deps);
  addAuditRoutes(router, deps);
  return router;
}
