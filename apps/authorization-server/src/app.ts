import { randomBytes } from 'node:crypto';
import { createOrgSettingsReader } from '@gatehouse/org-settings';
import { AUTHORIZATION_SERVER_SCOPES, defaultAllowedHosts } from '@gatehouse/policy';
import {
  errorHandler,
  healthRoutes,
  hostGuard,
  loadIntrospectionSecret,
  requestLog,
} from '@gatehouse/server-kit';
import { hashPassword, type Store } from '@gatehouse/store';
import type Router from '@koa/router';
import Koa from 'koa';
import mount from 'koa-mount';
import type Provider from 'oidc-provider';
import type { Logger } from 'pino';
import { createAccountRouter } from './account/account-routes.js';
import type { PageDeps } from './account/deps.js';
import { createAccountSessions } from './account/session.js';
import { createSignInRouter } from './account/sign-in-routes.js';
import { createAdminRouter } from './admin/admin-router.js';
import { createAuditWriter } from './audit/audit-writer.js';
import { clientAccessGuard } from './clients/client-access-guard.js';
import { createClientBlocks } from './clients/client-blocks.js';
import { createDocumentClients } from './clients/document-clients.js';
import type { AsConfig } from './env.js';
import { createUsageRecorder } from './grants/usage.js';
import { assets } from './http/assets.js';
import { canonicalRoutes } from './http/canonical-routes.js';
import { deriveCsrfKey } from './http/csrf.js';
import { authorizationServerMetadata } from './http/discovery.js';
import { writeErrorPageOrJson } from './http/error-response.js';
import { isHttpsIssuer } from './http/https-issuer.js';
import { introspectionGuard } from './http/introspection-guard.js';
import { oauthParams } from './http/oauth-params.js';
import { createRateLimiter, type RateLimit, type RateLimiter } from './http/rate-limiter.js';
import { registrationGuard } from './http/registration-guard.js';
import { securityHeaders } from './http/security-headers.js';
import { createInteractionRouter } from './interactions/router.js';
import { ROUTES } from './oidc/configuration.js';
import { createProvider } from './oidc/create-provider.js';
import { loadKeyMaterial } from './oidc/key-material.js';
import type { CredentialDeps } from './sign-in/check-credentials.js';

/** Rate limits, as points per window, counted in the store across instances. */
export interface RateLimits {
  /** Every sign-in attempt from one IP. */
  loginPerIp: RateLimit;
  /** Failed sign-ins for one account from one IP. */
  loginFailuresPerAccountIp: RateLimit;
  /** Failed sign-ins for one account from anywhere. */
  loginFailuresPerAccount: RateLimit;
  /** Registrations per IP while registration is `open`. */
  openRegistrationPerIp: RateLimit;
}

/** Fifteen minutes and one hour, in seconds. */
const QUARTER_HOUR_SECONDS = 15 * 60;
const HOUR_SECONDS = 60 * 60;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  loginPerIp: { points: 100, windowSeconds: QUARTER_HOUR_SECONDS },
  loginFailuresPerAccountIp: { points: 5, windowSeconds: QUARTER_HOUR_SECONDS },
  loginFailuresPerAccount: { points: 50, windowSeconds: QUARTER_HOUR_SECONDS },
  openRegistrationPerIp: { points: 100, windowSeconds: HOUR_SECONDS },
};

export interface AppDeps {
  store: Store;
  logger: Logger;
  rateLimits?: RateLimits;
  /** Fetch for client ID metadata documents; the global `fetch` unless a test serves them. */
  fetch?: typeof fetch;
}

export interface AuthorizationServer {
  app: Koa;
  provider: Provider;
  /** The introspection client's secret (configured, or generated and persisted). */
  introspectionClient: { clientId: string; clientSecret: string };
  close(): Promise<void>;
}

function createRegistrationLimiters(store: Store, limits: RateLimits) {
  return {
    openLimiter: createRateLimiter(store.limits, 'registration-open', limits.openRegistrationPerIp),
    // The org's own rate; the window's key carries the rate, so a changed rate starts afresh.
    limiterFor: (maxPerHour: number): RateLimiter =>
      createRateLimiter(store.limits, `registration-${maxPerHour}`, {
        points: maxPerHour,
        windowSeconds: HOUR_SECONDS,
      }),
  };
}

/** Everything the app's parts share, loaded or built once. */
async function loadShared(config: AsConfig, deps: AppDeps) {
  const { store, logger } = deps;
  const settings = await createOrgSettingsReader(store, config.orgId, logger);
  const [keys, introspectionClientSecret, decoyPasswordHash] = await Promise.all([
    loadKeyMaterial(store.keys),
    loadIntrospectionSecret(store.keys, config.introspectionClient.clientSecret),
    hashPassword(randomBytes(16).toString('base64url')),
  ]);
  const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  const audit = createAuditWriter(store, logger);
  const credentials: CredentialDeps = {
    store,
    audit,
    orgId: config.orgId,
    loginLimiters: {
      perIp: createRateLimiter(store.limits, 'login-ip', limits.loginPerIp),
      failuresPerAccountIp: createRateLimiter(
        store.limits,
        'login-failures-account-ip',
        limits.loginFailuresPerAccountIp,
      ),
      failuresPerAccount: createRateLimiter(
        store.limits,
        'login-failures-account',
        limits.loginFailuresPerAccount,
      ),
    },
    decoyPasswordHash,
  };
  return {
    ...deps,
    limits,
    settings,
    keys,
    introspectionClientSecret,
    audit,
    credentials,
    blocks: createClientBlocks(store.records),
    documentClients: createDocumentClients(store.records),
    usage: createUsageRecorder({ records: store.records, logger }),
    csrfKey: deriveCsrfKey(keys.cookieKeys),
  };
}

type Shared = Awaited<ReturnType<typeof loadShared>>;

/** The pages' routers: OAuth sign-in and consent, account sign-in, account pages, admin console. */
function createPageRouters(config: AsConfig, shared: Shared, provider: Provider): Router[] {
  const { store, settings, csrfKey, credentials } = shared;
  const pages: PageDeps = {
    ...shared,
    config,
    sessions: createAccountSessions({
      adapter: store.oidc.forModel('AccountSession'),
      https: isHttpsIssuer(config),
    }),
    staticClients: [{ clientId: config.introspectionClient.clientId, name: 'MCP resource server' }],
  };
  return [
    createInteractionRouter({ ...credentials, config, provider, store, settings, csrfKey }),
    createSignInRouter(pages),
    createAccountRouter(pages),
    createAdminRouter(pages),
  ];
}

/** The request pipeline, outermost first; oidc-provider last, for whatever is left. */
function composeApp(
  config: AsConfig,
  shared: Shared,
  parts: { provider: Provider; routers: Router[] },
): Koa {
  const { store, logger, settings } = shared;
  const current = () => settings.current();
  // Mounted, oidc-provider signs cookies through this app's context, so it needs the keys too.
  const app = new Koa({
    proxy: config.trustProxy,
    maxIpsCount: config.proxyHops,
    keys: shared.keys.cookieKeys,
  });
  app.use(requestLog(logger));
  app.use(securityHeaders({ https: isHttpsIssuer(config) }));
  app.use(errorHandler({ logger, respond: writeErrorPageOrJson }));
  app.use(healthRoutes(() => store.ping()));
  app.use(hostGuard({ allowedHosts: defaultAllowedHosts(config.issuer, config.allowedHosts) }));
  app.use(canonicalRoutes(Object.values(ROUTES)));
  app.use(
    oauthParams({
      resourceUrl: config.mcpResourceUrl,
      paths: {
        authorization: ROUTES.authorization,
        par: ROUTES.pushed_authorization_request,
        token: ROUTES.token,
      },
    }),
  );
  app.use(assets());
  app.use(
    authorizationServerMetadata({
      scopesSupported: ['openid', ...AUTHORIZATION_SERVER_SCOPES],
      registrationOpen: () => current().registration.mode !== 'off',
    }),
  );
  app.use(
    registrationGuard({
      path: ROUTES.registration,
      settings: current,
      ...createRegistrationLimiters(store, shared.limits),
    }),
  );
  app.use(
    introspectionGuard({
      path: ROUTES.introspection,
      clientId: config.introspectionClient.clientId,
    }),
  );
  app.use(
    clientAccessGuard({
      path: ROUTES.authorization,
      store,
      blocks: shared.blocks,
      settings: current,
    }),
  );
  for (const router of parts.routers) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  app.use(mount(parts.provider));
  return app;
}

/** Builds the authorization server without listening (`listen.ts` binds it). */
export async function createAuthorizationServer(
  config: AsConfig,
  deps: AppDeps,
): Promise<AuthorizationServer> {
  const shared = await loadShared(config, deps);
  const provider = createProvider({ config, ...shared });
  const app = composeApp(config, shared, {
    provider,
    routers: createPageRouters(config, shared, provider),
  });
  return {
    app,
    provider,
    introspectionClient: {
      clientId: config.introspectionClient.clientId,
      clientSecret: shared.introspectionClientSecret,
    },
    async close() {
      shared.settings.close();
    },
  };
}
