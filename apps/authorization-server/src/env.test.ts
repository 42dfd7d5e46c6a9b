import { describe, expect, it } from 'vitest';
import { ConfigError, parseAsConfig } from './env.js';

const secret = 's'.repeat(40);
/** A valid AUDIT_CHAIN_KEY: 32 bytes, base64url. */
const auditChainKey = Buffer.alloc(32, 1).toString('base64url');

describe('parseAsConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseAsConfig({});
    expect(config).toMatchObject({
      mode: 'development',
      issuer: 'http://localhost:4000',
      port: 4000,
      mcpResourceUrl: 'http://localhost:4001/mcp',
      dataDir: './data',
      redisUrl: undefined,
      demoPassword: 'demo-password',
      introspectionClient: { clientId: 'mcp-resource-server', clientSecret: undefined },
      auditChainKey: undefined,
    });
    expect(parseAsConfig({ AUDIT_CHAIN_KEY: auditChainKey }).auditChainKey).toBe(auditChainKey);
  });

  it('treats an empty DEMO_PASSWORD as unset (a compose file can switch the demo off)', () => {
    expect(parseAsConfig({ DEMO_PASSWORD: '' }).demoPassword).toBe('demo-password');
    expect(
      parseAsConfig({
        NODE_ENV: 'production',
        DEMO_PASSWORD: '',
        AS_ISSUER: 'http://127.0.0.1:4000',
        INTROSPECTION_CLIENT_SECRET: 's'.repeat(40),
        AUDIT_CHAIN_KEY: 'k'.repeat(43),
      }).demoPassword,
    ).toBeUndefined();
  });

  it('reads the proxy hops and the extra hosts', () => {
    const config = parseAsConfig({
      TRUST_PROXY_HOPS: '2',
      AS_ALLOWED_HOSTS: 'Auth.Internal:4000, other',
    });
    expect(config.proxyHops).toBe(2);
    expect(config.allowedHosts).toEqual(['auth.internal:4000', 'other']);
  });

  it('drops a trailing slash from the issuer and the resource', () => {
    const config = parseAsConfig({
      AS_ISSUER: 'https://auth.example.com/',
      MCP_RESOURCE_URL: 'https://mcp.example.com/mcp/',
    });
    expect(config.issuer).toBe('https://auth.example.com');
    expect(config.mcpResourceUrl).toBe('https://mcp.example.com/mcp');
  });

  it.each([
    [{ AS_PORT: 'eighty' }, 'AS_PORT'],
    [{ AS_PORT: '70000' }, 'AS_PORT'],
    [{ AS_ISSUER: 'ftp://x' }, 'AS_ISSUER: must be an http(s) URL'],
    [{ DEMO_PASSWORD: 'short' }, 'DEMO_PASSWORD: must be at least 8 characters'],
    [
      { INTROSPECTION_CLIENT_SECRET: 'short' },
      'INTROSPECTION_CLIENT_SECRET: must be at least 32 characters',
    ],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ AUDIT_CHAIN_KEY: 'too-short' }, 'AUDIT_CHAIN_KEY: must be base64url of at least 32'],
    [{ AUDIT_CHAIN_KEY: `${auditChainKey}+/` }, 'AUDIT_CHAIN_KEY: must be base64url'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('refuses %j, naming %s', (env, fragment) => {
    expect(() => parseAsConfig(env)).toThrow(ConfigError);
    expect(() => parseAsConfig(env)).toThrow(fragment);
  });

  describe('production mode', () => {
    const production = {
      NODE_ENV: 'production',
      AS_ISSUER: 'https://auth.example.com',
      INTROSPECTION_CLIENT_SECRET: secret,
      AUDIT_CHAIN_KEY: auditChainKey,
      TRUST_PROXY: 'true',
    };

    it('starts with an https issuer, provisioned credentials and no demo accounts', () => {
      const config = parseAsConfig(production);
      expect(config.mode).toBe('production');
      expect(config.demoPassword).toBeUndefined();
    });

    it('allows an http issuer on loopback (local production-like runs)', () => {
      expect(parseAsConfig({ ...production, AS_ISSUER: 'http://127.0.0.1:4000' }).issuer).toBe(
        'http://127.0.0.1:4000',
      );
    });

    it.each([
      [{ AS_ISSUER: 'http://auth.example.com' }, 'production needs an https issuer'],
      [{ DEMO_PASSWORD: 'demo-password' }, 'demo accounts must not exist in production'],
      [{ INTROSPECTION_CLIENT_SECRET: undefined }, 'INTROSPECTION_CLIENT_SECRET is not set'],
      [{ TRUST_PROXY: 'false' }, 'TRUST_PROXY is off'],
      [{ AUDIT_CHAIN_KEY: undefined }, 'AUDIT_CHAIN_KEY is not set'],
    ])('refuses %j', (override, fragment) => {
      expect(() => parseAsConfig({ ...production, ...override })).toThrow(fragment);
    });
  });
});
