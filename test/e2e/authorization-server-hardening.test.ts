/**
 * Stack: the authorization server in-process over a seeded SQLite store (and, for the refresh
 * race, Redis too). Each test pins a finding of the security review: guards that a path
 * spelling could skip, a forged Host, a raced refresh token, server-side fetches, registration
 * scopes, refresh tokens and disabled users at introspection, sign-in throttling.
 */
import type { RunningAuthorizationServer } from '@gatehouse/authorization-server';
import { writeOrgSettings } from '@gatehouse/org-settings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AS_PATHS,
  authorize,
  connectClient,
  exchangeCode,
  introspect,
  type RegisteredClient,
  refreshTokens,
  registerClient,
  type TokenResponse,
  tokenRequest,
} from '../support/oauth-flow.js';
import {
  type Backend,
  DEMO_PASSWORD,
  isRedisAvailable,
  openTestStore,
  startAuthorizationServer,
  TEST_RATE_LIMITS,
  type TestStore,
} from '../support/stack.js';
import { hiddenField, UserAgent } from '../support/user-agent.js';

const alice = { email: 'alice@example.com', password: DEMO_PASSWORD };

function signedInTokens(as: RunningAuthorizationServer, user = alice) {
  return connectClient(as.url, { user });
}

function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('hardening', () => {
  let testStore: TestStore;
  let as: RunningAuthorizationServer;

  beforeAll(async () => {
    testStore = await openTestStore('sqlite');
    as = await startAuthorizationServer(testStore.store);
  });

  afterAll(async () => {
    await as?.close();
    await testStore?.dispose();
  });

  it('refuses registration under every spelling of the path while the admin has it off', async () => {
    await writeOrgSettings(
      testStore.store,
      'demo',
      { registration: { mode: 'off', maxPerHourPerIp: 20 } },
      { expectedVersion: 0, actor: null },
    );
    try {
      await expect
        .poll(async () => (await postJson(`${as.url}/oauth/register`, {})).status, {
          timeout: 2_000,
        })
        .toBe(403);
      const metadata = (await (
        await fetch(`${as.url}/.well-known/oauth-authorization-server`)
      ).json()) as Record<string, unknown>;
      expect(metadata.registration_endpoint).toBeUndefined();
      for (const path of ['/oauth/register/', '/oauth/REGISTER', '/OAuth/Register//']) {
        const response = await postJson(`${as.url}${path}`, {
          redirect_uris: ['https://a.example.com/cb'],
        });
        expect(response.status, path).toBe(403);
        expect((await response.json()) as object).toMatchObject({ error: 'access_denied' });
      }
    } finally {
      await writeOrgSettings(testStore.store, 'demo', {}, { expectedVersion: 1, actor: null });
      await expect
        .poll(async () => (await postJson(`${as.url}/oauth/register`, {})).status, {
          timeout: 2_000,
        })
        .toBe(400);
    }
  });

  it('never serves an account or admin page under another spelling of its path', async () => {
    const variants = [
      ['GET', '/Admin/Api/Audit'],
      ['GET', '/ADMIN/audit/export.jsonl'],
      ['GET', '/admin/API/audit'],
      ['GET', '/Account'],
      ['POST', '/Admin/settings'],
      ['POST', '/Account/tokens'],
    ] as const;
    for (const [method, path] of variants) {
      const response = await fetch(`${as.url}${path}`, { method, redirect: 'manual' });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.text()).not.toContain('"action"');
    }
    const exact = await fetch(`${as.url}/admin/api/audit`, { redirect: 'manual' });
    expect(exact.status).toBe(401);
  });

  it('answers 421 to a forged Host, so discovery never names another host', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL('/.well-known/oauth-authorization-server', as.url);
      const req = request(url, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('refuses client metadata that would make the server fetch a URL', async () => {
    for (const field of ['sector_identifier_uri', 'jwks_uri']) {
      const value = 'https://10.0.0.1/x';
      const response = await postJson(`${as.url}${AS_PATHS.register}`, {
        redirect_uris: ['https://a.example.com/cb'],
        token_endpoint_auth_method: 'none',
        [field]: value,
      });
      expect(response.status, field).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_client_metadata' });
    }
  });

  it('binds every spelling of the resource to one grant, so consent and refresh stay whole', async () => {
    const client = await registerClient(as.url);
    const agent = new UserAgent();
    const loud = `${as.config.mcpResourceUrl.replace('http://localhost', 'HTTP://LOCALHOST')}/`;
    const first = await authorize({
      issuer: as.url,
      client,
      scope: 'read:jira-work',
      resource: loud,
      user: alice,
      agent,
    });
    const tokens = await exchangeCode(as.url, client, first);
    const again = await authorize({
      issuer: as.url,
      client,
      scope: 'read:jira-work',
      resource: as.config.mcpResourceUrl,
      user: alice,
      agent,
    });
    expect(again.pages).toEqual([]);
    const refreshed = await refreshTokens(as.url, client, tokens.refresh_token, {
      resource: as.config.mcpResourceUrl,
    });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
  });

  it('accepts the same odd spelling of the resource at the token endpoint as at authorization', async () => {
    const client = await registerClient(as.url);
    const loud = `${as.config.mcpResourceUrl.replace('http://localhost', 'HTTP://LOCALHOST')}/`;
    const outcome = await authorize({
      issuer: as.url,
      client,
      scope: 'read:jira-work',
      resource: loud,
      user: alice,
    });
    const exchanged = await tokenRequest(as.url, {
      grant_type: 'authorization_code',
      code: outcome.callback.searchParams.get('code') ?? '',
      redirect_uri: client.redirect_uris[0] ?? '',
      client_id: client.client_id,
      code_verifier: outcome.verifier,
      resource: loud,
    });
    expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
    const refreshed = await refreshTokens(as.url, client, String(exchanged.body.refresh_token), {
      resource: loud,
    });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
  });

  it('refuses a foreign resource at refresh without spending the refresh token', async () => {
    const { client, tokens } = await signedInTokens(as);
    const foreign = await refreshTokens(as.url, client, tokens.refresh_token, {
      resource: 'https://other.example/mcp',
    });
    expect(foreign).toMatchObject({ status: 400, body: { error: 'invalid_target' } });
    const retried = await refreshTokens(as.url, client, tokens.refresh_token);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
  });

  it('gives a request without resource scopes the advertised default scopes', async () => {
    const client = await registerClient(as.url);
    for (const scope of ['', 'offline_access']) {
      const outcome = await authorize({ issuer: as.url, client, scope, user: alice });
      expect(outcome.callback.searchParams.get('error')).toBeNull();
      const tokens = await exchangeCode(as.url, client, outcome);
      expect(tokens.scope?.split(' ').sort()).toEqual([
        'read:compass',
        'read:confluence-content',
        'read:jira-work',
        'read:me',
      ]);
    }
  });

  it('accepts a registration that lists the resource scopes it will ask for', async () => {
    const client = await registerClient(as.url, {
      scope: 'read:jira-work write:jira-work offline_access',
    });
    expect(client.scope).toBe('offline_access');
    const outcome = await authorize({
      issuer: as.url,
      client,
      scope: 'read:jira-work',
      user: alice,
    });
    expect((await exchangeCode(as.url, client, outcome)).scope).toBe('read:jira-work');
  });

  it('never calls a refresh token active, and ends a disabled user’s access at once', async () => {
    const bob = { email: 'bob@example.com', password: DEMO_PASSWORD };
    const { tokens } = await signedInTokens(as, bob);
    const rs = as.introspectionClient;
    expect((await introspect(as.url, tokens.refresh_token ?? '', rs)).body).toEqual({
      active: false,
    });
    expect((await introspect(as.url, tokens.access_token, rs)).body.active).toBe(true);

    const user = await testStore.store.users.findByEmail('bob@example.com');
    if (user === null) throw new Error('bob is missing from the seed');
    await testStore.store.users.put({ ...user, disabled: true });
    try {
      expect((await introspect(as.url, tokens.access_token, rs)).body).toEqual({ active: false });
    } finally {
      await testStore.store.users.put({ ...user, disabled: false });
    }
  });
});

const backends: Backend[] = ['sqlite', ...((await isRedisAvailable()) ? (['redis'] as const) : [])];

describe.each(backends)('a refresh token redeemed twice at once on %s', (backend) => {
  let testStore: TestStore;
  let as: RunningAuthorizationServer;

  beforeAll(async () => {
    testStore = await openTestStore(backend);
    as = await startAuthorizationServer(testStore.store);
  });

  afterAll(async () => {
    await as?.close();
    await testStore?.dispose();
  });

  it('yields at most one new token pair, and the race revokes the whole grant', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { client, tokens } = await signedInTokens(as);
      const refresh = () => refreshTokens(as.url, client, tokens.refresh_token);
      const answers = await Promise.all([refresh(), refresh(), refresh()]);
      const winners = answers.filter((answer) => answer.status === 200);
      expect(winners.length).toBeLessThanOrEqual(1);
      for (const loser of answers.filter((answer) => answer.status !== 200)) {
        expect(loser).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      }
      for (const winner of winners) {
        const issued = winner.body as unknown as TokenResponse;
        const body = (await introspect(as.url, issued.access_token, as.introspectionClient)).body;
        expect(body.active).toBe(false);
      }
    }
  });
});

describe('sign-in throttling', () => {
  let testStore: TestStore;
  let as: RunningAuthorizationServer;
  let client: RegisteredClient;

  beforeAll(async () => {
    testStore = await openTestStore('sqlite');
    as = await startAuthorizationServer(testStore.store, {
      config: { trustProxy: true, proxyHops: 1 },
      rateLimits: {
        ...TEST_RATE_LIMITS,
        loginFailuresPerAccountIp: { points: 3, windowSeconds: 900 },
        loginFailuresPerAccount: { points: 6, windowSeconds: 900 },
      },
    });
    client = await registerClient(as.url);
  });

  afterAll(async () => {
    await as?.close();
    await testStore?.dispose();
  });

  async function attempt(ip: string, password: string): Promise<number> {
    const agent = new UserAgent();
    const url = new URL(AS_PATHS.authorize, as.url);
    url.search = new URLSearchParams({
      client_id: client.client_id,
      response_type: 'code',
      redirect_uri: client.redirect_uris[0] ?? '',
      scope: 'read:jira-work',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    }).toString();
    const started = await agent.request(url, { headers: { 'x-forwarded-for': ip } });
    const interaction = new URL(started.headers.get('location') ?? '', as.url);
    const page = await (
      await agent.request(interaction, { headers: { 'x-forwarded-for': ip } })
    ).text();
    const response = await agent.request(new URL(`${interaction.pathname}/login`, as.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
      body: new URLSearchParams({
        email: 'carol@example.com',
        password,
        csrf: hiddenField(page, 'csrf'),
      }),
    });
    return response.status;
  }

  it('locks one account from one address after its failures, not the person elsewhere', async () => {
    for (let i = 0; i < 3; i += 1) expect(await attempt('203.0.113.1', 'wrong-password')).toBe(401);
    expect(await attempt('203.0.113.1', DEMO_PASSWORD)).toBe(429);
    expect(await attempt('198.51.100.7', DEMO_PASSWORD)).toBe(303);
  });

  it('locks the account everywhere once failures from many addresses pile up', async () => {
    for (let i = 0; i < 3; i += 1)
      expect(await attempt(`192.0.2.${i + 10}`, 'wrong-password')).toBe(401);
    expect(await attempt('192.0.2.99', DEMO_PASSWORD)).toBe(429);
  });
});
