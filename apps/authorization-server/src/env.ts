import { isAuditChainKey } from '@gatehouse/store';
import { z } from 'zod';

/**
 * The authorization server's configuration, parsed once from the environment (DESIGN.md §3).
 * Nothing else in the app reads `process.env`: everything receives this object.
 */
export interface AsConfig {
  mode: 'development' | 'production' | 'test';
  /** Issuer identifier, no trailing slash: `http://localhost:4000`. */
  issuer: string;
  port: number;
  /** Host to bind; loopback unless told otherwise. */
  host: string;
  /** The protected resource (MCP endpoint) every access token is bound to. */
  mcpResourceUrl: string;
  /** Org whose settings govern this server (the product runs one org per deployment). */
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
  /** Seed the demo org with this password on first start; `undefined` disables the demo. */
  demoPassword: string | undefined;
  /** Introspection credentials of the resource server; generated and persisted when unset. */
  introspectionClient: { clientId: string; clientSecret: string | undefined };
  /** Trust `X-Forwarded-*` from a reverse proxy. */
  trustProxy: boolean;
  /** How many proxies stand in front: only that many `X-Forwarded-For` entries are believed. */
  proxyHops: number;
  /** `Host` values answered besides the issuer's own (e.g. an internal name for introspection). */
  allowedHosts: string[];
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

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AS_ISSUER: httpUrl.default('http://localhost:4000'),
  AS_PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  AS_HOST: z.string().min(1).default('127.0.0.1'),
  MCP_RESOURCE_URL: httpUrl.default('http://localhost:4001/mcp'),
  ORG_ID: z.string().min(1).default('demo'),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.string().min(1).optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default('gatehouse:'),
  AUDIT_CHAIN_KEY: z
    .string()
    .refine(isAuditChainKey, 'must be base64url of at least 32 random bytes')
    .optional(),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  INTROSPECTION_CLIENT_ID: z.string().min(1).default('mcp-resource-server'),
  INTROSPECTION_CLIENT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: booleanString.default(false),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  AS_ALLOWED_HOSTS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim().toLowerCase())
        .filter((item) => item !== ''),
    )
    .default([]),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const DEVELOPMENT_DEMO_PASSWORD = 'demo-password';

function isLoopbackHost(hostname: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname.toLowerCase());
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`).join('\n');
}

/** Refuses what production must never run with (DESIGN.md §3). */
function assertProductionSafe(config: AsConfig, env: NodeJS.ProcessEnv): void {
  const problems: string[] = [];
  const issuer = new URL(config.issuer);
  if (issuer.protocol !== 'https:' && !isLoopbackHost(issuer.hostname)) {
    problems.push(`AS_ISSUER is ${config.issuer}: production needs an https issuer.`);
  }
  if (issuer.protocol === 'https:' && !config.trustProxy) {
    problems.push(
      'AS_ISSUER is https but TRUST_PROXY is off: this server speaks plain http behind a TLS-terminating proxy, so set TRUST_PROXY=true (and TRUST_PROXY_HOPS) or cookies lose their Secure flag.',
    );
  }
  if (env.DEMO_PASSWORD !== undefined) {
    problems.push('DEMO_PASSWORD is set: demo accounts must not exist in production.');
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
export function parseAsConfig(env: NodeJS.ProcessEnv = process.env): AsConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid environment:\n${formatIssues(parsed.error)}`);
  }
  const e = parsed.data;
  const config: AsConfig = {
    mode: e.NODE_ENV,
    issuer: e.AS_ISSUER,
    port: e.AS_PORT,
    host: e.AS_HOST,
    mcpResourceUrl: e.MCP_RESOURCE_URL,
    orgId: e.ORG_ID,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    auditChainKey: e.AUDIT_CHAIN_KEY,
    demoPassword:
      e.DEMO_PASSWORD ?? (e.NODE_ENV === 'production' ? undefined : DEVELOPMENT_DEMO_PASSWORD),
    introspectionClient: {
      clientId: e.INTROSPECTION_CLIENT_ID,
      clientSecret: e.INTROSPECTION_CLIENT_SECRET,
    },
    trustProxy: e.TRUST_PROXY,
    proxyHops: e.TRUST_PROXY_HOPS,
    allowedHosts: e.AS_ALLOWED_HOSTS,
    logLevel: e.LOG_LEVEL,
  };
  if (config.mode === 'production') assertProductionSafe(config, env);
  return config;
}
