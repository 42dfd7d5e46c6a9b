import { isAuditChainKey } from '@gatehouse/store';
import { z } from 'zod';
import { booleanString, LOG_LEVELS, type LogLevel } from './env-schemas.js';

/**
 * The variables both apps read alike (DESIGN.md §3): they describe the deployment, not one
 * app, so `pnpm start` can give both apps one environment. Spread into an app's schema:
 * `z.object({ ...DEPLOYMENT_ENV, AS_PORT: portNumber.default(4000) })`.
 */
export const DEPLOYMENT_ENV = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  ORG_ID: z.string().min(1).default('demo'),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.string().min(1).optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default('gatehouse:'),
  AUDIT_CHAIN_KEY: z
    .string()
    .refine(isAuditChainKey, 'must be base64url of at least 32 random bytes')
    .optional(),
  INTROSPECTION_CLIENT_ID: z.string().min(1).default('mcp-resource-server'),
  INTROSPECTION_CLIENT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: booleanString.default(false),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
};

/** `DEPLOYMENT_ENV` as parsed. */
export type DeploymentEnv = z.output<z.ZodObject<typeof DEPLOYMENT_ENV>>;

/** The part of each app's configuration that comes from `DEPLOYMENT_ENV`. */
export interface DeploymentConfig {
  mode: 'development' | 'production' | 'test';
  /** Org whose settings govern this server (the product runs one org per deployment). */
  orgId: string;
  /** Directory of the embedded SQLite store. */
  dataDir: string;
  /** When set, the Redis backend is used instead of SQLite. */
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  /**
   * `AUDIT_CHAIN_KEY`: the audit chain's HMAC key, base64url of at least 32 bytes, the same in
   * both apps (`StoreConfig.auditChainKey`). Unset outside production, the store generates one
   * and keeps it beside the events, which only guards against accidental edits.
   */
  auditChainKey: string | undefined;
  /**
   * The resource server's confidential client at the authorization server, used for
   * introspection. Without a secret, the authorization server generates one and keeps it in the
   * store, where the resource server reads it.
   */
  introspectionClient: { clientId: string; clientSecret: string | undefined };
  /** Trust `X-Forwarded-*` (host, proto, client IP) from a reverse proxy. */
  trustProxy: boolean;
  /** How many proxies stand in front: only that many `X-Forwarded-For` entries are believed. */
  proxyHops: number;
  logLevel: LogLevel;
}

/** Maps the parsed `DEPLOYMENT_ENV` variables to their configuration fields. */
export function deploymentConfig(env: DeploymentEnv): DeploymentConfig {
  return {
    mode: env.NODE_ENV,
    orgId: env.ORG_ID,
    dataDir: env.DATA_DIR,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    auditChainKey: env.AUDIT_CHAIN_KEY,
    introspectionClient: {
      clientId: env.INTROSPECTION_CLIENT_ID,
      clientSecret: env.INTROSPECTION_CLIENT_SECRET,
    },
    trustProxy: env.TRUST_PROXY,
    proxyHops: env.TRUST_PROXY_HOPS,
    logLevel: env.LOG_LEVEL,
  };
}

/**
 * What production must not run with among the shared settings: secrets generated and kept
 * beside what they protect instead of provisioned. Empty when there is nothing to refuse; the
 * app adds its own problems before these and hands all to `refuseInProduction`.
 */
export function deploymentProductionProblems(config: DeploymentConfig): string[] {
  const problems: string[] = [];
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
  return problems;
}
