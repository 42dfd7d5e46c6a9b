import { describe, expect, it } from 'vitest';
import { ConfigError, parseMcpConfig } from './env.js';

/** A valid AUDIT_CHAIN_KEY: 32 bytes, base64url. */
const auditChainKey = Buffer.alloc(32, 1).toString('base64url');

describe('parseMcpConfig', () => {
  it('has the documented defaults (DESIGN.md §3)', () => {
    expect(parseMcpConfig({})).toMatchObject({
      mode: 'development',
      resourceUrl: 'http://localhost:4001/mcp',
      port: 4001,
      host: '127.0.0.1',
      asIssuer: 'http://localhost:4000',
      introspectionEndpoint: undefined,
      introspectionClient: { clientId: 'mcp-resource-server', clientSecret: undefined },
      introspectionTimeoutMs: 3000,
      cache: { activeTtlSeconds: 60, inactiveTtlSeconds: 5, maxEntries: 10_000 },
      failureLimits: {
        apiTokenPerIp: 30,
        apiTokenPerPrefix: 10,
        bearerPerIp: 60,
        windowSeconds: 300,
      },
      allowedHosts: [],
      allowedOrigins: [],
      orgId: 'demo',
      dataDir: './data',
      redisUrl: undefined,
      auditChainKey: undefined,
    });
    expect(parseMcpConfig({ AUDIT_CHAIN_KEY: auditChainKey }).auditChainKey).toBe(auditChainKey);
  });

  it('reads lists, bounds and URLs, without trailing slashes', () => {
    const config = parseMcpConfig({
      MCP_RESOURCE_URL: 'https://mcp.example.com/mcp/',
      AS_ISSUER: 'https://as.example.com/',
      MCP_ALLOWED_HOSTS: ' mcp.internal , Proxy:8080,',
      MCP_ALLOWED_ORIGINS: 'https://app.example.org',
      MCP_CACHE_TTL_SECONDS: '30',
      MCP_CACHE_INACTIVE_TTL_SECONDS: '0',
      MCP_BEARER_FAILURES_PER_IP: '600',
      MCP_FAILURE_WINDOW_SECONDS: '60',
    });
    expect(config).toMatchObject({
      resourceUrl: 'https://mcp.example.com/mcp',
      asIssuer: 'https://as.example.com',
      allowedHosts: ['mcp.internal', 'proxy:8080'],
      allowedOrigins: ['https://app.example.org'],
      cache: { activeTtlSeconds: 30, inactiveTtlSeconds: 0 },
      failureLimits: { apiTokenPerIp: 30, bearerPerIp: 600, windowSeconds: 60 },
    });
  });

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['a resource URL that is not http(s)', { MCP_RESOURCE_URL: 'ftp://x/mcp' }, /MCP_RESOURCE_URL/],
    ['a resource URL with a fragment', { MCP_RESOURCE_URL: 'https://x/mcp#a' }, /fragment/],
    ['a port out of range', { MCP_PORT: '70000' }, /MCP_PORT/],
    ['a failure limit of zero', { MCP_BEARER_FAILURES_PER_IP: '0' }, /MCP_BEARER_FAILURES_PER_IP/],
    ['a short introspection secret', { INTROSPECTION_CLIENT_SECRET: 'short' }, /at least 32/],
    ['a short audit chain key', { AUDIT_CHAIN_KEY: 'too-short' }, /AUDIT_CHAIN_KEY: must be/],
    [
      'production over http off loopback',
      {
        NODE_ENV: 'production',
        MCP_RESOURCE_URL: 'http://mcp.example.com/mcp',
        INTROSPECTION_CLIENT_SECRET: 'x'.repeat(32),
      },
      /MCP_RESOURCE_URL is http:\/\/mcp\.example\.com\/mcp: production needs an https URL/,
    ],
    [
      'production without provisioned introspection credentials',
      {
        NODE_ENV: 'production',
        MCP_RESOURCE_URL: 'https://mcp.example.com/mcp',
        AS_ISSUER: 'https://as.example.com',
        AUDIT_CHAIN_KEY: auditChainKey,
      },
      /INTROSPECTION_CLIENT_SECRET is not set/,
    ],
    [
      'production without a provisioned audit chain key',
      {
        NODE_ENV: 'production',
        MCP_RESOURCE_URL: 'https://mcp.example.com/mcp',
        AS_ISSUER: 'https://as.example.com',
        INTROSPECTION_CLIENT_SECRET: 'x'.repeat(32),
      },
      /AUDIT_CHAIN_KEY is not set/,
    ],
  ])('refuses %s', (_name, env, message) => {
    expect(() => parseMcpConfig(env)).toThrow(ConfigError);
    expect(() => parseMcpConfig(env)).toThrow(message);
  });

  it('lets production run on loopback http (a local trial of the production build)', () => {
    const env = {
      NODE_ENV: 'production',
      INTROSPECTION_CLIENT_SECRET: 'x'.repeat(32),
      AUDIT_CHAIN_KEY: auditChainKey,
    };
    expect(parseMcpConfig(env).mode).toBe('production');
  });
});
