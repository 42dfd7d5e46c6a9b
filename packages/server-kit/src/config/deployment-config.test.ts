import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEPLOYMENT_ENV,
  type DeploymentConfig,
  deploymentConfig,
  deploymentProductionProblems,
} from './deployment-config.js';

/** A valid AUDIT_CHAIN_KEY: 32 bytes, base64url. */
const auditChainKey = Buffer.alloc(32, 1).toString('base64url');
const Schema = z.object(DEPLOYMENT_ENV);

describe('deploymentConfig', () => {
  it('has the documented defaults (DESIGN.md §3)', () => {
    expect(deploymentConfig(Schema.parse({}))).toEqual({
      mode: 'development',
      orgId: 'demo',
      dataDir: './data',
      redisUrl: undefined,
      redisKeyPrefix: 'gatehouse:',
      auditChainKey: undefined,
      introspectionClient: { clientId: 'mcp-resource-server', clientSecret: undefined },
      trustProxy: false,
      proxyHops: 1,
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = deploymentConfig(
      Schema.parse({
        NODE_ENV: 'production',
        ORG_ID: 'acme',
        DATA_DIR: '/var/lib/gatehouse',
        REDIS_URL: 'redis://redis:6379',
        REDIS_KEY_PREFIX: 'gh:',
        AUDIT_CHAIN_KEY: auditChainKey,
        INTROSPECTION_CLIENT_ID: 'rs',
        INTROSPECTION_CLIENT_SECRET: 's'.repeat(32),
        TRUST_PROXY: 'yes',
        TRUST_PROXY_HOPS: '2',
        LOG_LEVEL: 'warn',
      }),
    );
    expect(config).toEqual({
      mode: 'production',
      orgId: 'acme',
      dataDir: '/var/lib/gatehouse',
      redisUrl: 'redis://redis:6379',
      redisKeyPrefix: 'gh:',
      auditChainKey,
      introspectionClient: { clientId: 'rs', clientSecret: 's'.repeat(32) },
      trustProxy: true,
      proxyHops: 2,
      logLevel: 'warn',
    });
  });

  it.each<[NodeJS.ProcessEnv, string]>([
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ AUDIT_CHAIN_KEY: 'too-short' }, 'must be base64url of at least 32 random bytes'],
    [{ INTROSPECTION_CLIENT_SECRET: 'short' }, 'must be at least 32 characters'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY_HOPS: '11' }, 'TRUST_PROXY_HOPS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j', (env, fragment) => {
    const parsed = Schema.safeParse(env);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(fragment);
  });
});

describe('deploymentProductionProblems', () => {
  const base = deploymentConfig(Schema.parse({}));
  const provisioned: DeploymentConfig = {
    ...base,
    auditChainKey,
    introspectionClient: { clientId: 'rs', clientSecret: 's'.repeat(32) },
  };

  it.each<[string, DeploymentConfig, RegExp[]]>([
    ['both secrets provisioned', provisioned, []],
    [
      'a generated introspection secret',
      { ...provisioned, introspectionClient: { clientId: 'rs', clientSecret: undefined } },
      [/^INTROSPECTION_CLIENT_SECRET is not set/],
    ],
    [
      'a generated audit chain key',
      { ...provisioned, auditChainKey: undefined },
      [/^AUDIT_CHAIN_KEY is not set/],
    ],
    ['neither', base, [/^INTROSPECTION_CLIENT_SECRET/, /^AUDIT_CHAIN_KEY/]],
  ])('%s', (_name, config, expected) => {
    const problems = deploymentProductionProblems(config);
    expect(problems).toHaveLength(expected.length);
    for (const [index, pattern] of expected.entries()) expect(problems[index]).toMatch(pattern);
  });
});
