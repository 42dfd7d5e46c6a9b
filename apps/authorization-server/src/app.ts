import { randomBytes } from 'node:crypto';
import { createOrgSettingsReader } from '@gatehouse/org-settings';
import { AUTHORIZATION_SERVER_SCOPES } from '@gatehouse/policy';
import { hashPassword, type Store } from '@gatehouse/store';
import Koa from 'koa';
import mount from 'koa-mount';
import Provider from 'oidc-provider';
import type { Logger } from 'pino';
import { createAuditWriter } from './audit/audit-writer.js';
import type { AsConfig } from './env.js';
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

/** Builds the authorization server without listening (`listen.ts` binds it). */
export async function createAuthorizationServer(
  config: AsConfig,
  deps: AppDeps,
): Promise<AuthorizationServer> {
  const { store, logger } = deps;
  const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  const settings = await createOrgSettingsReader(store, config.orgId, logger);
  const [keys, introspectionClientSecret, decoyPasswordHash] = await Promise.all([
    loadKeyMaterial(store.keys),
    loadIntrospectionSecret(store.keys, config.introspectionClient.clientSecret),
    hashPassword(randomBytes(16).toString('base64url')),
  ]);
  const provider = new Provider(
    config.issuer,
    buildProviderConfiguration({
      config,
      store,
      settings,
      keys,
      introspectionClientSecret,
      renderError: renderProviderError,
      logoutSource,
      postLogoutSuccessSource,
    }),
  );
  provider.proxy = config.trustProxy;
  const audit = createAuditWriter(store, logger);
  wireProviderEvents(provider, { store, logger, audit, orgId: config.orgId });

  const interactions = createInteractionRouter({
    config,
    provider,
    store,
    settings,
    audit,
    csrfKey: keys.cookieKeys[0] ?? '',
    loginLimiters: {
      perIp: createMemoryRateLimiter(limits.loginPerIp),
      perAccount: createMemoryRateLimiter(limits.loginPerAccount),
    },
    decoyPasswordHash,
  });

  // Mounted, oidc-provider signs cookies through this app's context, so it needs the keys too.
  const app = new Koa({ proxy: config.trustProxy, keys: keys.cookieKeys });
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
      settings: () => settings.current(),
      ...createRegistrationLimiters(limits),
    }),
  );
  app.use(
    introspectionGuard({
      path: ROUTES.introspection,
      clientId: config.introspectionClient.clientId,
    }),
  );
  app.use(interactions.routes());
  app.use(interactions.allowedMethods());
  app.use(mount(provider));

  return {
    app,
    provider,
    introspectionClient: {
      clientId: config.introspectionClient.clientId,
      clientSecret: introspectionClientSecret,
    },
    async close() {
      settings.close();
    },
  };
}
