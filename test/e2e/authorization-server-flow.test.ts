/**
 * Stack: the authorization server in-process on an ephemeral port, over a fresh seeded store:
 * once on SQLite (temp dir), once on Redis (random key prefix). Everything goes over real HTTP.
 */
import type { RunningAuthorizationServer } from '@gatehouse/authorization-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorize,
  connectClient,
  exchangeCode,
  introspect,
  refreshTokens,
  registerClient,
  type TokenResponse,
} from '../support/oauth-flow.js';
import {
  type Backend,
  DEMO_PASSWORD,
  isRedisAvailable,
  openTestStore,
  startAuthorizationServer,
  type TestStore,
} from '../support/stack.js';
import { UserAgent } from '../support/user-agent.js';

const backends: Backend[] = ['sqlite', ...((await isRedisAvailable()) ? (['redis'] as const) : [])];
const alice = { email: 'alice@example.com', password: DEMO_PASSWORD };

describe.each(backends)('authorization server flow on %s', (backend) => {
  let testStore: TestStore;
  let as: RunningAuthorizationServer;
  let issuer: string;
  let resource: string;

  beforeAll(async () => {
    testStore = await openTestStore(backend);
    as = await startAuthorizationServer(testStore.store);
    issuer = as.url;
    resource = as.config.mcpResourceUrl;
  });

  afterAll(async () => {
    await as?.close();
    await testStore?.dispose();
  });

  it('publishes RFC 8414 and OIDC discovery with the same issuer', async () => {
    const [oauth, oidc] = await Promise.all(
      ['oauth-authorization-server', 'openid-configuration'].map(async (name) => {
        const response = await fetch(`${issuer}/.well-known/${name}`);
        expect(response.status).toBe(200);
        return (await response.json()) as Record<string, unknown>;
      }),
    );
    expect(oauth).toEqual(oidc);
    expect(oauth).toBeDefined();
    expect(oauth).toMatchObject({
      issuer,
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
      registration_endpoint: `${issuer}/oauth/register`,
      introspection_endpoint: `${issuer}/oauth/introspect`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      token_endpoint: `${issuer}/oauth/token`,
    });
    expect(oauth?.dpop_signing_alg_values_supported).toBeUndefined();
    expect(oauth?.revocation_endpoint_auth_methods_supported).toEqual([
      'none',
      'client_secret_basic',
      'client_secret_post',
    ]);
    expect(oauth?.scopes_supported).toEqual(
      expect.arrayContaining(['read:jira-work', 'write:jira-work', 'offline_access']),
    );
  });

  it('runs registration → login → consent → code → tokens → refresh → introspection → revocation', async () => {
    const client = await registerClient(issuer);
    expect(client.application_type).toBe('native');

    const outcome = await authorize({
      issuer,
      client,
      scope: 'read:jira-work write:jira-work',
      resource,
      user: alice,
    });
    expect(outcome.pages).toEqual(['login', 'consent']);
    expect(outcome.callback.searchParams.get('iss')).toBe(issuer);
    expect(outcome.callback.searchParams.get('state')).toBe('state-123');

    const tokens = await exchangeCode(issuer, client, outcome);
    expect(tokens).toMatchObject({ token_type: 'Bearer', scope: 'read:jira-work write:jira-work' });
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.expires_in).toBeLessThanOrEqual(3600);
    expect(tokens.access_token.split('.')).toHaveLength(1); // opaque, not a JWT

    const rs = as.introspectionClient;
    const active = await introspect(issuer, tokens.access_token, rs);
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({
      active: true,
      client_id: client.client_id,
      scope: 'read:jira-work write:jira-work',
      aud: resource,
      token_type: 'Bearer',
      email: 'alice@example.com',
      auth_method: 'oauth',
    });
    expect(typeof active.body.sub).toBe('string');
    expect(typeof active.body.exp).toBe('number');
    expect(typeof active.body.iat).toBe('number');

    // Refresh rotates; the old refresh token is spent.
    const refreshed = await refreshTokens(issuer, client, tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    const rotated = refreshed.body as unknown as TokenResponse;
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    expect((await introspect(issuer, rotated.access_token, rs)).body.active).toBe(true);

    // Revocation (RFC 7009) makes the token inactive.
    const revoke = await fetch(`${issuer}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: rotated.access_token, client_id: client.client_id }),
    });
    expect(revoke.status).toBe(200);
    expect((await introspect(issuer, rotated.access_token, rs)).body).toEqual({ active: false });
  });

  it('revokes the whole grant when a used refresh token comes back', async () => {
    const { client, tokens } = await connectClient(issuer, { resource, user: alice });
    const first = await refreshTokens(issuer, client, tokens.refresh_token);
    expect(first.status).toBe(200);
    const newer = first.body as unknown as TokenResponse;

    const reuse = await refreshTokens(issuer, client, tokens.refresh_token);
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe('invalid_grant');

    const rs = as.introspectionClient;
    expect((await introspect(issuer, newer.access_token, rs)).body.active).toBe(false);
    const afterReuse = await refreshTokens(issuer, client, newer.refresh_token);
    expect(afterReuse.body.error).toBe('invalid_grant');
  });

  it('refuses introspection to anyone but the resource server', async () => {
    const { client, tokens } = await connectClient(issuer, { resource, user: alice });
    const asPublicClient = await fetch(`${issuer}/oauth/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.access_token, client_id: client.client_id }),
    });
    expect(asPublicClient.status).toBe(401);
    expect(await asPublicClient.json()).toMatchObject({ error: 'invalid_client' });
    const wrongSecret = await introspect(issuer, tokens.access_token, {
      clientId: as.introspectionClient.clientId,
      clientSecret: 'not-the-secret-not-the-secret-not-the-secret',
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error).toBe('invalid_client');
  });

  it('defaults the resource, and issues only what the user approved', async () => {
    const client = await registerClient(issuer);
    const outcome = await authorize({
      issuer,
      client,
      scope: 'read:jira-work nonsense:scope',
      user: alice,
    });
    const tokens = await exchangeCode(issuer, client, outcome);
    expect(tokens.scope).toBe('read:jira-work');
    const body = (await introspect(issuer, tokens.access_token, as.introspectionClient)).body;
    expect(body.aud).toBe(resource);
  });

  it('remembers consent for granted scopes and asks again for new ones', async () => {
    const client = await registerClient(issuer);
    const agent = new UserAgent();
    const plan = { issuer, client, resource, user: alice, agent };
    const first = await authorize({ ...plan, scope: 'read:jira-work' });
    expect(first.pages).toEqual(['login', 'consent']);
    const second = await authorize({ ...plan, scope: 'read:jira-work' });
    expect(second.pages).toEqual([]);
    expect(second.callback.searchParams.get('code')).toBeTruthy();
    const third = await authorize({ ...plan, scope: 'read:jira-work write:jira-work' });
    expect(third.pages).toEqual(['consent']);
    const tokens = await exchangeCode(issuer, client, third);
    expect(tokens.scope).toBe('read:jira-work write:jira-work');
  });

  it('returns access_denied to the client when the user denies', async () => {
    const client = await registerClient(issuer);
    const outcome = await authorize({
      issuer,
      client,
      scope: 'read:jira-work',
      resource,
      user: alice,
      consent: 'deny',
    });
    expect(outcome.callback.searchParams.get('error')).toBe('access_denied');
    expect(outcome.callback.searchParams.get('code')).toBeNull();
    expect(outcome.callback.searchParams.get('iss')).toBe(issuer);
  });

  it('lets a native client come back on another loopback port, always with consent', async () => {
    const client = await registerClient(issuer, { redirect_uris: ['http://127.0.0.1:40000/cb'] });
    const agent = new UserAgent();
    const plan = { issuer, client, resource, user: alice, agent, scope: 'read:jira-work' };
    await authorize(plan);
    const otherPort = await authorize({ ...plan, redirectUri: 'http://127.0.0.1:40123/cb' });
    expect(otherPort.pages).toEqual(['consent']);
    expect(otherPort.callback.origin).toBe('http://127.0.0.1:40123');
    expect(otherPort.callback.searchParams.get('code')).toBeTruthy();
  });
});
