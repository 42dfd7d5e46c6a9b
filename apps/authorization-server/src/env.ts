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

/** What `parseAsConfig` throws: the kit's, shared with the MCP server. */
export { ConfigError } from '@gatehouse/server-kit';

/**
 * The authorization server's configuration, parsed once from the environment (DESIGN.md §3).
 * Nothing else in the app reads `process.env`: everything receives this object. The
 * deployment's shared settings (mode, org, store, audit key, introspection client, proxy, log
 * level) come from `DeploymentConfig`.
 */
export interface AsConfig extends DeploymentConfig {
  /** Issuer identifier, no trailing slash: `http://localhost:4000`. */
  issuer: string;
  port: number;
  /** Host to bind; loopback unless told otherwise. */
  host: string;
  /** The protected resource (MCP endpoint) every access token is bound to. */
  mcpResourceUrl: string;
  /** Seed the demo org with this password on first start; `undefined` disables the demo. */
  demoPassword: string | undefined;
  /** `Host` values answered besides the issuer's own (e.g. an internal name for introspection). */
  allowedHosts: string[];
}

const EnvSchema = z.object({
  ...DEPLOYMENT_ENV,
  AS_ISSUER: httpUrl.default('http://localhost:4000'),
  AS_PORT: portNumber.default(4000),
  AS_HOST: z.string().min(1).default('127.0.0.1'),
  MCP_RESOURCE_URL: httpUrl.default('http://localhost:4001/mcp'),
  // Empty counts as unset, so `DEMO_PASSWORD=` switches the demo off in compose files.
  DEMO_PASSWORD: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(8, 'must be at least 8 characters').optional(),
  ),
  AS_ALLOWED_HOSTS: commaList.default([]),
});

const DEVELOPMENT_DEMO_PASSWORD = 'demo-password';

/** Refuses what production must never run with (DESIGN.md §3). */
function assertProductionSafe(config: AsConfig, env: NodeJS.ProcessEnv): void {
  const problems: string[] = [];
  if (isPlainHttpOffLoopback(config.issuer)) {
    problems.push(`AS_ISSUER is ${config.issuer}: production needs an https issuer.`);
  }
  if (new URL(config.issuer).protocol === 'https:' && !config.trustProxy) {
    problems.push(
      'AS_ISSUER is https but TRUST_PROXY is off: this server speaks plain http behind a TLS-terminating proxy, so set TRUST_PROXY=true (and TRUST_PROXY_HOPS) or cookies lose their Secure flag.',
    );
  }
  if (env.DEMO_PASSWORD !== undefined && env.DEMO_PASSWORD !== '') {
    problems.push('DEMO_PASSWORD is set: demo accounts must not exist in production.');
  }
  refuseInProduction([...problems, ...deploymentProductionProblems(config)]);
}

/** Parses and validates the environment. Throws `ConfigError` naming every problem. */
export function parseAsConfig(env: NodeJS.ProcessEnv = process.env): AsConfig {
  const e = parseEnv(EnvSchema, env);
  const config: AsConfig = {
    ...deploymentConfig(e),
    issuer: e.AS_ISSUER,
    port: e.AS_PORT,
    host: e.AS_HOST,
    mcpResourceUrl: e.MCP_RESOURCE_URL,
    demoPassword:
      e.DEMO_PASSWORD ?? (e.NODE_ENV === 'production' ? undefined : DEVELOPMENT_DEMO_PASSWORD),
    allowedHosts: e.AS_ALLOWED_HOSTS,
  };
  if (config.mode === 'production') assertProductionSafe(config, env);
  return config;
}
