import {
  commaList,
  DEPLOYMENT_ENV,
  type DeploymentConfig,
  deploymentConfig,
  deploymentProductionProblems,
  httpUrl,
  isPlainHttpOffLoopback,
  parseEnv,
  portNumber,
  refuseInProduction,
} from '@gatehouse/server-kit';
import { z } from 'zod';
import type { FailureLimits } from './auth/credential-throttle.js';

/** What `parseMcpConfig` throws: the kit's, shared with the authorization server. */
export { ConfigError } from '@gatehouse/server-kit';

/**
 * The MCP server's configuration, parsed once from the environment (DESIGN.md §3). Nothing else
 * in the app reads `process.env`: everything receives this object. The deployment's shared
 * settings (mode, org, store, audit key, introspection client, proxy, log level) come from
 * `DeploymentConfig`.
 */
export interface McpConfig extends DeploymentConfig {
  /**
   * The protected resource: the MCP endpoint's URL, no trailing slash. Every token must carry
   * it as its audience; the metadata's `resource` is this string exactly.
   */
  resourceUrl: string;
  port: number;
  /** Host to bind; loopback unless told otherwise. */
  host: string;
  /** The authorization server's issuer, no trailing slash. */
  asIssuer: string;
  /** Introspection endpoint; discovered from the issuer's metadata when unset. */
  introspectionEndpoint: string | undefined;
  /** Longest wait for the authorization server's answer, in milliseconds. */
  introspectionTimeoutMs: number;
  cache: {
    /** Upper bound on how long an active introspection result is reused, in seconds. */
    activeTtlSeconds: number;
    /** How long an inactive result is reused, in seconds. */
    inactiveTtlSeconds: number;
    /** Most entries kept; the least recently used go first. */
    maxEntries: number;
  };
  /**
   * Failed credential attempts allowed per window before 429 (`auth/credential-throttle.ts`).
   * Per address, they count only failures, so a working token is never refused for its address.
   */
  failureLimits: FailureLimits;
  /** `Host` values accepted besides the resource URL's own (and its loopback aliases). */
  allowedHosts: string[];
  /** `Origin` values accepted besides loopback origins and the resource URL's own origin. */
  allowedOrigins: string[];
  /** Human-readable name in the protected resource metadata. */
  resourceName: string;
  /** Documentation URL in the protected resource metadata, if any. */
  resourceDocumentation: string | undefined;
}

const resourceUrl = httpUrl.refine((value) => !value.includes('#') && !value.includes('?'), {
  error: 'must not carry a query or a fragment (RFC 8707)',
});

const seconds = (max: number) => z.coerce.number().int().min(0).max(max);

const failureCount = z.coerce.number().int().min(1).max(1_000_000);

const EnvSchema = z.object({
  ...DEPLOYMENT_ENV,
  MCP_RESOURCE_URL: resourceUrl.default('http://localhost:4001/mcp'),
  MCP_PORT: portNumber.default(4001),
  MCP_HOST: z.string().min(1).default('127.0.0.1'),
  AS_ISSUER: httpUrl.default('http://localhost:4000'),
  INTROSPECTION_ENDPOINT: httpUrl.optional(),
  INTROSPECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3_000),
  MCP_CACHE_TTL_SECONDS: seconds(3_600).default(60),
  MCP_CACHE_INACTIVE_TTL_SECONDS: seconds(300).default(5),
  MCP_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  MCP_API_TOKEN_FAILURES_PER_IP: failureCount.default(30),
  MCP_API_TOKEN_FAILURES_PER_PREFIX: failureCount.default(10),
  MCP_BEARER_FAILURES_PER_IP: failureCount.default(60),
  MCP_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  MCP_ALLOWED_HOSTS: commaList.default([]),
  MCP_ALLOWED_ORIGINS: commaList.default([]),
  MCP_RESOURCE_NAME: z.string().min(1).default('Gatehouse work tools (MCP)'),
  MCP_RESOURCE_DOCUMENTATION: httpUrl.optional(),
});

/** Refuses what production must never run with (DESIGN.md §3). */
function assertProductionSafe(config: McpConfig): void {
  const problems: string[] = [];
  if (isPlainHttpOffLoopback(config.resourceUrl)) {
    problems.push(`MCP_RESOURCE_URL is ${config.resourceUrl}: production needs an https URL.`);
  }
  if (isPlainHttpOffLoopback(config.asIssuer)) {
    problems.push(`AS_ISSUER is ${config.asIssuer}: tokens must travel to an https issuer.`);
  }
  refuseInProduction([...problems, ...deploymentProductionProblems(config)]);
}

/** Parses and validates the environment. Throws `ConfigError` naming every problem. */
export function parseMcpConfig(env: NodeJS.ProcessEnv = process.env): McpConfig {
  const e = parseEnv(EnvSchema, env);
  const config: McpConfig = {
    ...deploymentConfig(e),
    resourceUrl: e.MCP_RESOURCE_URL,
    port: e.MCP_PORT,
    host: e.MCP_HOST,
    asIssuer: e.AS_ISSUER,
    introspectionEndpoint: e.INTROSPECTION_ENDPOINT,
    introspectionTimeoutMs: e.INTROSPECTION_TIMEOUT_MS,
    cache: {
      activeTtlSeconds: e.MCP_CACHE_TTL_SECONDS,
      inactiveTtlSeconds: e.MCP_CACHE_INACTIVE_TTL_SECONDS,
      maxEntries: e.MCP_CACHE_MAX_ENTRIES,
    },
    failureLimits: {
      apiTokenPerIp: e.MCP_API_TOKEN_FAILURES_PER_IP,
      apiTokenPerPrefix: e.MCP_API_TOKEN_FAILURES_PER_PREFIX,
      bearerPerIp: e.MCP_BEARER_FAILURES_PER_IP,
      windowSeconds: e.MCP_FAILURE_WINDOW_SECONDS,
    },
    allowedHosts: e.MCP_ALLOWED_HOSTS,
    allowedOrigins: e.MCP_ALLOWED_ORIGINS,
    resourceName: e.MCP_RESOURCE_NAME,
    resourceDocumentation: e.MCP_RESOURCE_DOCUMENTATION,
  };
  if (config.mode === 'production') assertProductionSafe(config);
  return config;
}
