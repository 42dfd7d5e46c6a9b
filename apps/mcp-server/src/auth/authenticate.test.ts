import { randomBytes } from 'node:crypto';
import { DEFAULT_ORG_SETTINGS, formatApiToken, type OrgSettings } from '@gatehouse/policy';
import type { User } from '@gatehouse/store';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { RequestError } from '../http/errors.js';
import { API_TOKENS_DISABLED_DESCRIPTION } from './auth-errors.js';
import { type AuthenticateDeps, authenticate, JWT_REFUSED_DESCRIPTION } from './authenticate.js';
import { type PresentedCredential, parseAuthorizationHeader } from './credentials.js';
import type { IntrospectionResult, TokenClaims } from './introspection.js';
import { IntrospectionUnavailableError } from './introspection.js';
import type { IntrospectionCache } from './introspection-cache.js';

const RESOURCE = 'https://mcp.example.com/mcp';
const API_TOKEN = formatApiToken(randomBytes(32));
const MISTYPED = `${API_TOKEN.slice(0, -1)}${API_TOKEN.endsWith('A') ? 'B' : 'A'}`;
const basic = (email: string, token: string) =>
  parseAuthorizationHeader(`Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`);
const bearer = (token: string) => parseAuthorizationHeader(`Bearer ${token}`);

const USERS: Record<string, User> = {
  'user-alice': user('user-alice', 'alice@example.com'),
  'user-gone': { ...user('user-gone', 'gone@example.com'), disabled: true },
  'user-other-org': { ...user('user-other-org', 'x@other.example'), orgId: 'other' },
};

function user(id: string, email: string): User {
  return {
    id,
    orgId: 'demo',
    email,
    name: id,
    role: 'member',
    passwordHash: 'x',
    createdAt: 0,
    disabled: false,
  };
}

function claims(overrides: Partial<TokenClaims> = {}): IntrospectionResult {
  return {
    active: true,
    claims: {
      subject: 'user-alice',
      clientId: 'client-1',
      scopes: ['read:me'],
      audiences: [RESOURCE],
      expiresAt: Date.now() / 1000 + 3600,
      email: 'alice@example.com',
      authMethod: 'oauth',
      apiTokenId: undefined,
      ...overrides,
    },
  };
}
const apiTokenClaims = (overrides: Partial<TokenClaims> = {}) =>
  claims({ authMethod: 'api_token', clientId: 'api-token:t1', apiTokenId: 't1', ...overrides });

function deps(answer: IntrospectionResult | Error, apiTokens: boolean) {
  const checked: string[] = [];
  const settings: OrgSettings = { ...DEFAULT_ORG_SETTINGS, apiTokenAuthEnabled: apiTokens };
  const cache = {
    check: async (token: string) => {
      checked.push(token);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as IntrospectionCache;
  const d: AuthenticateDeps = {
    cache,
    users: { findById: async (id) => USERS[id] ?? null },
    settings: () => settings,
    challenges: {
      resourceMetadataUrl: 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
      apiTokensEnabled: () => apiTokens,
    },
    resourceUrl: RESOURCE,
    orgId: 'demo',
    logger: pino({ level: 'silent' }),
  };
  return { d, checked };
}

async function refusal(promise: Promise<unknown>): Promise<RequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RequestError)) throw new Error(`expected a RequestError, got ${error}`);
  return error;
}

describe('authenticate: refusals', () => {
  it.each<
    [
      string,
      PresentedCredential,
      IntrospectionResult | Error,
      boolean,
      number,
      string | undefined,
      boolean,
    ]
  >([
    // name, credential, introspection, API tokens on, status, error_description, introspected
    ['nothing sent', { kind: 'none' }, claims(), false, 401, undefined, false],
    [
      'an unsupported scheme',
      parseAuthorizationHeader('Digest x'),
      claims(),
      false,
      401,
      undefined,
      false,
    ],
    [
      'a malformed bearer',
      parseAuthorizationHeader('Bearer a b'),
      claims(),
      false,
      401,
      'The bearer token is malformed.',
      false,
    ],
    [
      'a JWT-shaped bearer',
      bearer('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl'),
      claims(),
      true,
      401,
      JWT_REFUSED_DESCRIPTION,
      false,
    ],
    [
      'a gat_ bearer while API tokens are off',
      bearer(API_TOKEN),
      apiTokenClaims(),
      false,
      401,
      API_TOKENS_DISABLED_DESCRIPTION,
      false,
    ],
    [
      'Basic with an OAuth token as password',
      basic('alice@example.com', 'opaque-oauth-token'),
      claims(),
      true,
      401,
      'Basic authentication takes an email and an API token (gat_...); use Bearer for OAuth access tokens.',
      false,
    ],
    [
      'a mistyped API token',
      bearer(MISTYPED),
      apiTokenClaims(),
      true,
      401,
      'The API token is malformed or mistyped.',
      false,
    ],
    [
      'a truncated API token',
      basic('alice@example.com', API_TOKEN.slice(0, 20)),
      apiTokenClaims(),
      true,
      401,
      'The API token is malformed or mistyped.',
      false,
    ],
    [
      'an introspection outage',
      bearer('tok'),
      new IntrospectionUnavailableError('down'),
      false,
      503,
      'The authorization server cannot be reached to check the access token. Try again shortly.',
      true,
    ],
    [
      'an inactive token',
      bearer('tok'),
      { active: false },
      false,
      401,
      'The access token is invalid, expired or revoked.',
      true,
    ],
    [
      'another audience',
      bearer('tok'),
      claims({ audiences: ['https://other.example.com/mcp'] }),
      false,
      401,
      'The access token was not issued for this resource.',
      true,
    ],
    [
      'an OAuth-looking token that is an API token',
      bearer('tok'),
      apiTokenClaims(),
      true,
      401,
      'The access token is invalid, expired or revoked.',
      true,
    ],
    [
      'an API token that introspects as OAuth',
      bearer(API_TOKEN),
      claims(),
      true,
      401,
      'The access token is invalid, expired or revoked.',
      true,
    ],
    [
      "Basic with another user's email",
      basic('bob@example.com', API_TOKEN),
      apiTokenClaims(),
      true,
      401,
      'The email does not match the API token.',
      true,
    ],
    [
      'an unknown user',
      bearer('tok'),
      claims({ subject: 'user-nobody' }),
      false,
      401,
      'The account behind this token cannot sign in.',
      true,
    ],
    [
      'a disabled user',
      bearer('tok'),
      claims({ subject: 'user-gone' }),
      false,
      401,
      'The account behind this token cannot sign in.',
      true,
    ],
    [
      'a user of another org',
      bearer('tok'),
      claims({ subject: 'user-other-org' }),
      false,
      401,
      'The account behind this token cannot sign in.',
      true,
    ],
  ])('%s', async (_name, credential, answer, apiTokens, status, description, introspected) => {
    const { d, checked } = deps(answer, apiTokens);
    const error = await refusal(authenticate(credential, d));
    expect(error.status).toBe(status);
    expect(checked.length > 0).toBe(introspected);
    if (status === 503) {
      expect(error.retryAfterSeconds).toBe(5);
      expect(error.description).toBe(description);
      return;
    }
    const header = error.wwwAuthenticate ?? '';
    expect(header.startsWith('Bearer ')).toBe(true);
    expect(header).toContain(
      'resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"',
    );
    expect(header).toContain('scope="read:me read:jira-work read:confluence-content read:compass"');
    expect(header.includes('Basic realm=')).toBe(apiTokens);
    if (description === undefined) {
      expect(header).not.toContain('error=');
    } else {
      expect(header).toContain('error="invalid_token"');
      expect(error.description).toBe(description);
    }
  });
});

describe('authenticate: Basic while API tokens are off (RFC 6750 §3.1)', () => {
  it.each<[string, PresentedCredential]>([
    ['Basic with an API token', basic('alice@example.com', API_TOKEN)],
    ['malformed Basic', parseAuthorizationHeader('Basic %%')],
  ])(
    '%s: a challenge without error, the explanation in the body only',
    async (_name, credential) => {
      const { d, checked } = deps(apiTokenClaims(), false);
      const error = await refusal(authenticate(credential, d));
      expect(error.status).toBe(401);
      expect(error.code).toBe('unauthorized');
      expect(error.description).toBe(API_TOKENS_DISABLED_DESCRIPTION);
      expect(error.wwwAuthenticate).toBe(
        'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", ' +
          'scope="read:me read:jira-work read:confluence-content read:compass"',
      );
      expect(checked).toEqual([]);
    },
  );
});

describe('authenticate: an API token the authorization server calls inactive', () => {
  it.each([
    ['reports the org switch-off it learns by refreshing', false, API_TOKENS_DISABLED_DESCRIPTION],
    [
      'says inactive when API tokens are still on',
      true,
      'The access token is invalid, expired or revoked.',
    ],
  ])('%s', async (_name, enabledAfterRefresh, description) => {
    const { d } = deps({ active: false }, true);
    let enabled = true;
    let refreshed = 0;
    d.settings = () => ({ ...DEFAULT_ORG_SETTINGS, apiTokenAuthEnabled: enabled });
    d.refreshSettings = async () => {
      refreshed += 1;
      enabled = enabledAfterRefresh;
    };
    const error = await refusal(authenticate(bearer(API_TOKEN), d));
    expect(refreshed).toBe(1);
    expect(error.status).toBe(401);
    expect(error.description).toBe(description);
    expect(error.wwwAuthenticate).toContain('error="invalid_token"');
  });

  it('reports a switch-off it learns by refreshing to Basic without an error in the challenge', async () => {
    const { d } = deps({ active: false }, true);
    let enabled = true;
    d.settings = () => ({ ...DEFAULT_ORG_SETTINGS, apiTokenAuthEnabled: enabled });
    d.refreshSettings = async () => {
      enabled = false;
    };
    const error = await refusal(authenticate(basic('alice@example.com', API_TOKEN), d));
    expect(error).toMatchObject({ status: 401, description: API_TOKENS_DISABLED_DESCRIPTION });
    expect(error.wwwAuthenticate).not.toContain('error');
  });

  it('does not refresh settings for an inactive OAuth token', async () => {
    const { d } = deps({ active: false }, true);
    let refreshed = 0;
    d.refreshSettings = async () => {
      refreshed += 1;
    };
    await refusal(authenticate(bearer('opaque-oauth-token'), d));
    expect(refreshed).toBe(0);
  });
});

describe('authenticate: accepted', () => {
  it('an OAuth access token', async () => {
    const { d } = deps(claims({ scopes: ['read:me', 'read:jira-work'] }), false);
    expect(await authenticate(bearer('tok'), d)).toEqual({
      actor: {
        userId: 'user-alice',
        email: 'alice@example.com',
        displayName: 'user-alice',
        orgRole: 'member',
      },
      authMethod: 'oauth',
      scopes: ['read:me', 'read:jira-work'],
      clientId: 'client-1',
      apiTokenId: undefined,
    });
  });

  it.each<[string, PresentedCredential]>([
    ['as Bearer', bearer(API_TOKEN)],
    ['as Basic', basic('alice@example.com', API_TOKEN)],
    ['as Basic, email in another case', basic('  Alice@Example.COM', API_TOKEN)],
  ])('an API token %s', async (_name, credential) => {
    const { d, checked } = deps(apiTokenClaims(), true);
    const principal = await authenticate(credential, d);
    expect(principal).toMatchObject({
      authMethod: 'api_token',
      clientId: 'api-token:t1',
      apiTokenId: 't1',
    });
    expect(checked).toEqual([API_TOKEN]);
  });
});
