import { createOrgSettingsReader, type OrgSettingsReader } from '@gatehouse/org-settings';
import { defaultAllowedHosts } from '@gatehouse/policy';
import {
  errorHandler,
  healthRoutes,
  hostGuard,
  loadIntrospectionSecret,
  requestLog,
} from '@gatehouse/server-kit';
import type { Store } from '@gatehouse/store';
import { createWorkspace } from '@gatehouse/workspace';
import Koa from 'koa';
import type { Logger } from 'pino';
import type { ChallengeSettings } from './auth/auth-errors.js';
import type { AuthenticateDeps } from './auth/authenticate.js';
import { createCredentialThrottle } from './auth/credential-throttle.js';
import { createHttpIntrospector, type Introspector } from './auth/introspection.js';
import { createIntrospectionCache, type IntrospectionCache } from './auth/introspection-cache.js';
import type { McpConfig } from './env.js';
import { writeChallengeError } from './http/errors.js';
import {
  buildResourceMetadata,
  resourceMetadataRoutes,
  resourceMetadataUrl,
} from './http/resource-metadata.js';
import { notFound, securityHeaders } from './http/security-headers.js';
import { createMcpEndpoint } from './mcp/mcp-endpoint.js';
import { createToolCallAudit } from './mcp/tool-audit.js';

/** What `createMcpServer` needs besides the configuration. */
export interface McpServerDeps {
  store: Store;
  logger: Logger;
  /** Replaces introspection over HTTP (tests). */
  introspector?: Introspector;
}

/** The built server: the Koa app, not yet listening. */
export interface McpServer {
  app: Koa;
  /** The introspection cache, for inspection in tests and metrics. */
  introspectionCache: IntrospectionCache;
  /** Stops the settings reader and the event subscription (not the store: the caller owns it). */
  close(): Promise<void>;
}

function createIntrospector(config: McpConfig, secret: string): Introspector {
  return createHttpIntrospector({
    issuer: config.asIssuer,
    endpoint: config.introspectionEndpoint,
    clientId: config.introspectionClient.clientId,
    clientSecret: async () => secret,
    timeoutMs: config.introspectionTimeoutMs,
  });
}

/** Token checks: introspection behind its cache, kept fresh by the store's events. */
async function createAccessChecks(
  config: McpConfig,
  deps: McpServerDeps,
  settings: OrgSettingsReader,
) {
  const introspector =
    deps.introspector ??
    createIntrospector(
      config,
      await loadIntrospectionSecret(deps.store.keys, config.introspectionClient.clientSecret),
    );
  const cache = createIntrospectionCache({
    introspect: introspector,
    activeTtlMs: config.cache.activeTtlSeconds * 1000,
    inactiveTtlMs: config.cache.inactiveTtlSeconds * 1000,
    maxEntries: config.cache.maxEntries,
  });
  const challenges: ChallengeSettings = {
    resourceMetadataUrl: resourceMetadataUrl(config.resourceUrl),
    apiTokensEnabled: () => settings.current().apiTokenAuthEnabled,
  };
  const auth: AuthenticateDeps = {
    cache,
    users: deps.store.users,
    settings: () => settings.current(),
    refreshSettings: () => settings.refresh(),
    challenges,
    resourceUrl: config.resourceUrl,
    orgId: config.orgId,
    logger: deps.logger,
  };
  const unsubscribe = deps.store.events.subscribe((event) => cache.handleEvent(event));
  return { cache, challenges, auth, unsubscribe };
}

/**
 * Builds the MCP server without listening (`listen.ts` binds it). Middleware order: log, headers,
 * one error handler, the Host check, then the routes (health, metadata, the MCP endpoint).
 */
export async function createMcpServer(config: McpConfig, deps: McpServerDeps): Promise<McpServer> {
  const { store, logger } = deps;
  const settings = await createOrgSettingsReader(store, config.orgId, logger);
  const { cache, challenges, auth, unsubscribe } = await createAccessChecks(config, deps, settings);
  const workspaceDeps = { records: store.records, users: store.users };

  const app = new Koa({ proxy: config.trustProxy, maxIpsCount: config.proxyHops });
  app.use(requestLog(logger));
  app.use(securityHeaders());
  app.use(errorHandler({ logger, respond: writeChallengeError }));
  app.use(
    hostGuard({ allowedHosts: defaultAllowedHosts(config.resourceUrl, config.allowedHosts) }),
  );
  app.use(healthRoutes(() => store.ping()));
  app.use(resourceMetadataRoutes(buildResourceMetadata(config)));
  app.use(
    createMcpEndpoint({
      resourceUrl: config.resourceUrl,
      credentialThrottle: createCredentialThrottle(store.limits, {
        limits: config.failureLimits,
        isKnownActive: (token) => cache.peekActive(token),
      }),
      allowedOrigins: config.allowedOrigins,
      challenges,
      auth,
      settings: auth.settings,
      workspace: createWorkspace(workspaceDeps, { orgId: config.orgId }),
      audit: createToolCallAudit({ audit: store.audit, orgId: config.orgId, logger }),
      logger,
    }),
  );
  app.use(notFound());

  return {
    app,
    introspectionCache: cache,
    async close() {
      unsubscribe();
      settings.close();
    },
  };
}
