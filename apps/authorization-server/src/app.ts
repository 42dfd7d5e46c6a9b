import { randomBytes } from 'node:crypto';
import { createOrgSettingsReader } from '@gatehouse/org-settings';
import { AUTHORIZATION_SERVER_SCOPES } from '@gatehouse/policy';
import { hashPassword, type Store } from '@gatehouse/store';
import type Router from '@koa/router';
import Koa from 'koa';
import mount from 'koa-mount';
import Provider from 'oidc-provider';
import type { Logger } from 'pino';
import { createAccountRouter } from './account/account-routes.js';
import type { PageDeps } from './account/deps.js';
import { createAccountSessions } from './account/session.js';
import { createSignInRouter } from './account/sign-in-routes.js';
import { createAdminRouter } from './admin/admin-router.js';
import { apiTokenIntrospection } from './api-tokens/introspection-hook.js';
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
import { buildProviderConfiguration, ROUTES } from './oidc/configuration.js';
import { wireProviderEvents } from './oidc/events.js';
import { loadIntrospectionSecret, loadKeyMaterial } from './oidc/key-material.js';
import { logoutSource, postLogoutSuccessSource, renderProviderError } from './oidc/pages.js';
import { auditRevocations } from './oidc/revocation-audit.js';

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

function useRouters(app: Koa, routers: Router[]): void {
  for (const router of routers) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
}

/** Builds the authorization server without listening (`listen.ts` binds it). */
export async function createAuthorizationServer(
  config: AsConfig,
  deps: AppDeps,
): Promise<AuthorizationServer> {
  const { store, logger } = deps;
  const orgId = config.orgId;
  const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  const settings = await createOrgSettingsReader(store, orgId, logger);
  const [keys, introspectionClientSecret, decoyPasswordHash] = await Promise.all([
    loadKeyMaterial(store.keys),
    loadIntrospectionSecret(store.keys, config.introspectionClient.clientSecret),
    hashPassword(randomBytes(16).toString('base64url')),
  ]);
  const https = config.issuer.startsWith('https:');
  const blocks = createClientBlocks(store.records);
  const usage = createUsageRecorder({ records: store.records, logger });
  const audit = createAuditWriter(store, logger);
  const csrfKey = keys.cookieKeys[0] ?? '';
  const resourceServer = {
    clientId: config.introspectionClient.clientId,
    name: 'MCP resource server',
  };

  const provider = new Provider(
    config.issuer,
    buildProviderConfiguration({
      config,
      store,
      settings,
      blocks,
      keys,
      introspectionClientSecret,
      renderError: renderProviderError,
      logoutSource,
      postLogoutSuccessSource,
    }),
  );
  provider.proxy = config.trustProxy;
  wireProviderEvents(provider, { store, logger, audit, orgId, usage });
  provider.use(
    apiTokenIntrospection({
      introspection: {
        store,
        settings: () => settings.current(),
        orgId,
        issuer: config.issuer,
        mcpResourceUrl: config.mcpResourceUrl,
      },
      resourceServerClientId: resourceServer.clientId,
      store,
      audit,
      usage,
      orgId,
    }),
  );
  provider.use(auditRevocations({ audit, orgId }));

  const credentials = {
    store,
    audit,
    orgId,
    loginLimiters: {
      perIp: createMemoryRateLimiter(limits.loginPerIp),
      perAccount: createMemoryRateLimiter(limits.loginPerAccount),
    },
    decoyPasswordHash,
  };
  const interactions = createInteractionRouter({
    config,
    provider,
    settings,
    csrfKey,
    ...credentials,
  });
  const pages: PageDeps = {
    config,
    store,
    settings,
    audit,
    logger,
    csrfKey,
    sessions: createAccountSessions({ adapter: store.oidc.forModel('AccountSession'), https }),
    credentials,
    usage,
    blocks,
    staticClients: [resourceServer],
  };

  // Mounted, oidc-provider signs cookies through this app's context, so it needs the keys too.
  const app = new Koa({ proxy: config.trustProxy, keys: keys.cookieKeys });
  app.use(requestLog(logger));
  app.use(securityHeaders({ https }));
  app.use(errorHandler(logger));
  app.use(healthRoutes(() => store.ping()));
  app.use(assets());
  app.use(
    authorizationServerMetadata({ scopesSupported: ['openid', ...AUTHORIZATION_SERVER_SCOPES] }),
  );
  app.use(
    registrationGuard({
      path: ROUTES.registration,
      settings: () => settings.current(),
      ...createRegistrationLimiters(limits),
    }),
  );
  app.use(introspectionGuard({ path: ROUTES.introspection, clientId: resourceServer.clientId }));
  app.use(
    clientAccessGuard({
      path: ROUTES.authorization,
      store,
      blocks,
      settings: () => settings.current(),
    }),
  );
  useRouters(app, [
    interactions,
    createSignInRouter(pages),
    createAccountRouter(pages),
    createAdminRouter(pages),
  ]);
  app.use(mount(provider));

  return {
    app,
    provider,
    introspectionClient: {
      clientId: resourceServer.clientId,
      clientSecret: introspectionClientSecret,
    },
    async close() {
      settings.close();
    },
  };
}
