import { isLoopbackHostname } from '@gatehouse/policy';
import { isAuditChainKey } from '@gatehouse/store';
import { z } from 'zod';

/**
 * The MCP server's configuration, parsed once from the environment (DESIGN.md §3). Nothing else
 * in the app reads `process.env`: everything receives this object.
 */
export interface McpConfig {
  mode: 'development' | 'production' | 'test';
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
  /** Our confidential client at the authorization server; the secret is read from the store when unset. */
  introspectionClient: { clientId: string; clientSecret: string | undefined };
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
  failureLimits: {
    /** Failed API-token attempts (`Basic`, or a `gat_` bearer) per client address. */
    apiTokenPerIp: number;
    /** Failed attempts per API-token prefix, from any address; checked before authentication. */
    apiTokenPerPrefix: number;
    /** Failed attempts with any other bearer token per client address. */
    bearerPerIp: number;
    /** The counting window, in seconds. */
    windowSeconds: number;
  };
  /** `Host` values accepted besides the resource URL's own (and its loopback aliases). */
  allowedHosts: string[];
  /** `Origin` values accepted besides loopback origins and the resource URL's own origin. */
  allowedOrigins: string[];
  /** Human-readable name in the protected resource metadata. */
  resourceName: string;
  /** Documentation URL in the protected resource metadata, if any. */
  resourceDocumentation: string | undefined;
  /** Org whose settings govern this server (one org per deployment). */
  orgId: string;
  dataDir: string;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  /**
   * `AUDIT_CHAIN_KEY`: the audit chain's HMAC key, base64url of at least 32 bytes, the same in
   * both apps (`StoreConfig.auditChainKey`). Unset outside production, the store generates one
   * and keeps it beside the events, which only guards against accidental edits.
   */
  auditChainKey: string | undefined;
  /** Trust `X-Forwarded-*` (host, proto, client IP) from a reverse proxy. */
  trustProxy: boolean;
  /** How many proxies stand in front: only that many `X-Forwarded-For` entries are believed. */
  proxyHops: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** A configuration the server must not start with; the message names the problem and the fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .transform((value) => value.replace(/\/+$/, ''));

const resourceUrl = httpUrl.refine((value) => !value.includes('#') && !value.includes('?'), {
  error: 'must not carry a query or a fragment (RFC 8707)',
});

const commaList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item !== ''),
  )
  .default([]);

const seconds = (max: number) => z.coerce.number().int().min(0).max(max);

const failureCount = z.coerce.number().int().min(1).max(1_000_000);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  MCP_RESOURCE_URL: resourceUrl.default('http://localhost:4001/mcp'),
  MCP_PORT: z.coerce.number().int().min(0).max(65_535).default(4001),
  MCP_HOST: z.string().min(1).default('127.0.0.1'),
  AS_ISSUER: httpUrl.default('http://localhost:4000'),
  INTROSPECTION_ENDPOINT: httpUrl.optional(),
  INTROSPECTION_CLIENT_ID: z.string().min(1).default('mcp-resource-server'),
  INTROSPECTION_CLIENT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  INTROSPECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3_000),
  MCP_CACHE_TTL_SECONDS: seconds(3_600).default(60),
  MCP_CACHE_INACTIVE_TTL_SECONDS: seconds(300).default(5),
  MCP_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  MCP_API_TOKEN_FAILURES_PER_IP: failureCount.default(30),
  MCP_API_TOKEN_FAILURES_PER_PREFIX: failureCount.default(10),
  MCP_BEARER_FAILURES_PER_IP: failureCount.default(60),
  MCP_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  MCP_ALLOWED_HOSTS: commaList,
  MCP_ALLOWED_ORIGINS: commaList,
  MCP_RESOURCE_NAME: z.string().min(1).default('Gatehouse work tools (MCP)'),
  MCP_RESOURCE_DOCUMENTATION: httpUrl.optional(),
  ORG_ID: z.string().min(1).default('demo'),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.string().min(1).optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default('gatehouse:'),
  AUDIT_CHAIN_KEY: z
    .string()
    .refine(isAuditChainKey, 'must be base64url of at least 32 random bytes')
    .optional(),
  TRUST_PROXY: booleanString.default(false),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** True for the names every machine resolves to itself. */
function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`).join('\n');
}

function isPlainHttpOffLoopback(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol !== 'https:' && !isLoopbackHostname(parsed.hostname);
}

/** Refuses what production must never run with (DESIGN.md §3). */
function assertProductionSafe(config: McpConfig): void {
  const problems: string[] = [];
  if (isPlainHttpOffLoopback(config.resourceUrl)) {
    problems.push(`MCP_RESOURCE_URL is ${config.resourceUrl}: production needs an https URL.`);
  }
  if (isPlainHttpOffLoopback(config.asIssuer)) {
    problems.push(`AS_ISSUER is ${config.asIssuer}: tokens must travel to an https issuer.`);
  }
  if (config.introspectionClient.clientSecret === undefined) {
    problems.push(
      'INTROSPECTION_CLIENT_SECRET is not set: production needs the resource server credentials provisioned, not generated.',
    );
  }
  if (config.auditChainKey === undefined) {
    problems.push(
      'AUDIT_CHAIN_KEY is not set: production needs the audit chain key provisioned (the same in both apps), not generated and kept beside the events it protects.',
    );
  }
  if (problems.length > 0) {
    throw new ConfigError(
      `Refusing to start in production mode:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
}

/** Parses and validates the environment. Throws `ConfigError` naming every problem. */
export function parseMcpConfig(env: NodeJS.ProcessEnv = process.env): McpConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid environment:\n${formatIssues(parsed.error)}`);
  }
  const e = parsed.data;
  const config: McpConfig = {
    mode: e.NODE_ENV,
    resourceUrl: e.MCP_RESOURCE_URL,
    port: e.MCP_PORT,
    host: e.MCP_HOST,
    asIssuer: e.AS_ISSUER,
    introspectionEndpoint: e.INTROSPECTION_ENDPOINT,
    introspectionClient: {
      clientId: e.INTROSPECTION_CLIENT_ID,
      clientSecret: e.INTROSPECTION_CLIENT_SECRET,
    },
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
    orgId: e.ORG_ID,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    auditChainKey: e.AUDIT_CHAIN_KEY,
    trustProxy: e.TRUST_PROXY,
    proxyHops: e.TRUST_PROXY_HOPS,
    logLevel: e.LOG_LEVEL,
  };
  if (config.mode === 'production') assertProductionSafe(config);
  return config;
}
