import { randomBytes } from 'node:crypto';
import { createOrgSettingsReader } from '@gatehouse/org-settings';
import { AUTHORIZATION_SERVER_SCOPES } from '@gatehouse/policy';
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
import type { AsConfig } from './env.js';
import { createUsageRecorder } from './grants/usage.js';
import { assets } from './http/assets.js';
import { authorizationServerMetadata } from './http/discovery.js';
import { errorHandler } from './http/error-handler.js';
import { healthRoutes } from './http/health.js';
import { introspectionGuard } from './http/introspection-guard.js';
import { createMemoryRateLimiter, type RateLimiter } from './http/rate-limiter.js';
import { registrationGuard } from './http/registration-guard.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
import { createInteractionRouter } from './interactions/router.js';
import { ROUTES } from './oidc/configuration.js';
import { createProvider } from './oidc/create-provider.js';
import { loadIntrospectionSecret, loadKeyMaterial } from './oidc/key-material.js';
import type { CredentialDeps } from './sign-in/check-credentials.js';

/** Rate limits, as points per window. Overridable for tests. */
export interface RateLimits {
  loginPerIp: { points: number; windowSeconds: number };
  loginPerAccount: { points: number; windowSeconds: number };
  /** Registrations per IP while registration is `open`. */
  openRegistrationPerIp: { points: number; windowSeconds: number };
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  loginPerIp: { points: 30, windowSeconds: 15 * 60 },
  loginPerAccount: { points: 10, windowSeconds: 15 * 60 },
  openRegistrationPerIp: { points: 100, windowSeconds: 60 * 60 },
};

export interface AppDeps {
  store: Store;
  logger: Logger;
  rateLimits?: RateLimits;
}

export interface AuthorizationServer {
  app: Koa;
  provider: Provider;
  /** The introspection client's secret (configured, or generated and persisted). */
  introspectionClient: { clientId: string; clientSecret: string };
  close(): Promise<void>;
}

function createRegistrationLimiters(limits: RateLimits) {
  const byRate = new Map<number, RateLimiter>();
  return {
    openLimiter: createMemoryRateLimiter(limits.openRegistrationPerIp),
    limiterFor(maxPerHour: number): RateLimiter {
      let limiter = byRate.get(maxPerHour);
      if (limiter === undefined) {
        limiter = createMemoryRateLimiter({ points: maxPerHour, windowSeconds: 60 * 60 });
        byRate.set(maxPerHour, limiter);
      }
      return limiter;
    },
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
      perIp: createMemoryRateLimiter(limits.loginPerIp),
      perAccount: createMemoryRateLimiter(limits.loginPerAccount),
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
    usage: createUsageRecorder({ records: store.records, logger }),
    csrfKey: keys.cookieKeys[0] ?? '',
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
      https: config.issuer.startsWith('https:'),
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
  const app = new Koa({ proxy: config.trustProxy, keys: shared.keys.cookieKeys });
  app.use(requestLog(logger));
  app.use(securityHeaders({ https: config.issuer.startsWith('https:') }));
  app.use(errorHandler(logger));
  app.use(healthRoutes(() => store.ping()));
  app.use(assets());
  app.use(
    authorizationServerMetadata({ scopesSupported: ['openid', ...AUTHORIZATION_SERVER_SCOPES] }),
  );
  app.use(
    registrationGuard({
      path: ROUTES.registration,
      settings: current,
      ...createRegistrationLimiters(shared.limits),
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
