import { randomBytes } from 'node:crypto';
import { DEFAULT_ORG_SETTINGS, formatApiToken, type OrgSettings } from '@gatehouse/policy';
import { type ApiTokenRecord, hashTokenValue, type User } from '@gatehouse/store';
import { describe, expect, it } from 'vitest';
import { effectiveApiTokenScopes, introspectApiToken } from './introspect-api-token.js';

const NOW = 1_800_000_000_000;
const DAY_MS = 86_400_000;
const token = formatApiToken(randomBytes(32));
const enabled: OrgSettings = { ...DEFAULT_ORG_SETTINGS, apiTokenAuthEnabled: true };
const jsmOff: OrgSettings = {
  ...enabled,
  permissionGroups: { ...enabled.permissionGroups, jsm: { read: true, write: false } },
};

const alice: User = {
  id: 'user-alice',
  orgId: 'demo',
  email: 'alice@example.com',
  name: 'Alice',
  role: 'admin',
  passwordHash: 'scrypt$x',
  createdAt: 0,
  disabled: false,
};

function record(overrides: Partial<ApiTokenRecord> = {}): ApiTokenRecord {
  return {
    id: 'tok_1',
    orgId: 'demo',
    userId: alice.id,
    name: 'CI',
    hash: hashTokenValue(token),
    hint: 'gat_abcd…',
    scopes: ['read:jsm', 'write:jsm'],
    createdAt: NOW - DAY_MS,
    expiresAt: NOW + DAY_MS,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** A store that answers from one record and one user, and counts every lookup. */
function fakeDeps(options: {
  record?: ApiTokenRecord | null;
  user?: User | null;
  settings?: OrgSettings;
}) {
  const calls = { findByHash: 0, findById: 0 };
  const stored = options.record === undefined ? record() : options.record;
  const user = options.user === undefined ? alice : options.user;
  const deps = {
    store: {
      apiTokens: {
        async findByHash(hash: string) {
          calls.findByHash += 1;
          return stored !== null && stored.hash === hash ? stored : null;
        },
      },
      users: {
        async findById(id: string) {
          calls.findById += 1;
          return user !== null && user.id === id ? user : null;
        },
      },
    } as never,
    settings: () => options.settings ?? enabled,
    orgId: 'demo',
    issuer: 'http://as.test',
    mcpResourceUrl: 'http://mcp.test/mcp',
    now: () => NOW,
  };
  return { deps, calls };
}

describe('introspectApiToken: active', () => {
  it('answers with who, what and how, bound to the MCP resource', async () => {
    const { deps } = fakeDeps({});
    const result = await introspectApiToken(deps, token);
    expect(result.active).toBe(true);
    if (result.active) {
      expect(result.body).toEqual({
        active: true,
        sub: 'user-alice',
        email: 'alice@example.com',
        client_id: 'api-token:tok_1',
        scope: 'read:jsm write:jsm',
        aud: 'http://mcp.test/mcp',
        iss: 'http://as.test',
        iat: Math.floor((NOW - DAY_MS) / 1000),
        exp: Math.floor((NOW + DAY_MS) / 1000),
        token_type: 'Bearer',
        auth_method: 'api_token',
        api_token_id: 'tok_1',
      });
    }
  });

  it('narrows the scopes to what the org allows now', async () => {
    const { deps } = fakeDeps({ settings: jsmOff });
    const result = await introspectApiToken(deps, token);
    expect(result.active && result.body.scope).toBe('read:jsm');
  });
});

describe('introspectApiToken: inactive', () => {
  const flipped = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  it.each([
    ['a bad checksum', flipped, {}, 'bad_checksum', 0],
    ['a truncated token', token.slice(0, -2), {}, 'malformed', 0],
    ['a token with the prefix only', 'gat_', {}, 'malformed', 0],
    ['the org switch off', token, { settings: DEFAULT_ORG_SETTINGS }, 'auth_disabled', 0],
    ['an unknown token', token, { record: null }, 'unknown', 1],
    ['a revoked token', token, { record: record({ revokedAt: NOW - 1 }) }, 'revoked', 1],
    ['an expired token', token, { record: record({ expiresAt: NOW }) }, 'expired', 1],
    ['another org’s token', token, { record: record({ orgId: 'other' }) }, 'unknown', 1],
    ['a missing owner', token, { user: null }, 'owner_unavailable', 1],
    ['a disabled owner', token, { user: { ...alice, disabled: true } }, 'owner_unavailable', 1],
  ] as const)('%s → %s with %i token lookups', async (_name, value, options, reason, lookups) => {
    const { deps, calls } = fakeDeps(options);
    const result = await introspectApiToken(deps, value);
    expect(result).toMatchObject({ active: false, reason });
    expect(calls.findByHash).toBe(lookups);
  });
});

describe('effectiveApiTokenScopes', () => {
  it.each([
    ['every allowed scope for a token without a list', null, enabled, 'read:me'],
    ['the listed scopes only', ['read:jsm'], enabled, 'read:jsm'],
    ['nothing the org switched off', ['write:jsm'], jsmOff, ''],
  ] as const)('%s', (_name, scopes, settings, expected) => {
    const result = effectiveApiTokenScopes(scopes, settings);
    if (scopes === null) expect(result).toContain(expected);
    else expect(result.join(' ')).toBe(expected);
  });
});
