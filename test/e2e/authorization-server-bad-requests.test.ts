/**
 * Stack: the authorization server in-process on an ephemeral port over a seeded SQLite store.
 * Each bad request must get its specified OAuth error code and HTTP status, never a 500.
 */
import type { RunningAuthorizationServer } from '@gatehouse/authorization-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AS_PATHS,
  authorize,
  basicAuth,
  type RegisteredClient,
  registerClient,
} from '../support/oauth-flow.js';
import {
  DEMO_PASSWORD,
  openTestStore,
  startAuthorizationServer,
  TEST_RATE_LIMITS,
  type TestStore,
} from '../support/stack.js';
import { createPkcePair } from '../support/user-agent.js';

let testStore: TestStore;
let as: RunningAuthorizationServer;
let client: RegisteredClient;
let issuer: string;

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
  as = await startAuthorizationServer(testStore.store);
  issuer = as.url;
  client = await registerClient(issuer);
});

afterAll(async () => {
  await as?.close();
  await testStore?.dispose();
});

/** Where the error shows: the JSON body, the redirect back to the client, or an HTML page. */
type Channel = 'json' | 'redirect' | 'page';

interface BadRequest {
  name: string;
  send: () => Promise<Response>;
  status: number;
  error: string;
  channel: Channel;
}

function register(metadata: Record<string, unknown>): () => Promise<Response> {
  return () =>
    fetch(new URL(AS_PATHS.register, issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'Bad', token_endpoint_auth_method: 'none', ...metadata }),
    });
}

function authorizeWith(params: Record<string, string | undefined>): () => Promise<Response> {
  return () => {
    const { challenge } = createPkcePair();
    const defaults: Record<string, string> = {
      client_id: client.client_id,
      response_type: 'code',
      redirect_uri: client.redirect_uris[0] ?? '',
      scope: 'read:jira-work',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 's',
    };
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...defaults, ...params })) {
      if (value !== undefined) query.set(key, value);
    }
    return fetch(`${issuer}${AS_PATHS.authorize}?${query}`, { redirect: 'manual' });
  };
}

function token(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return () =>
    fetch(new URL(AS_PATHS.token, issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return () =>
    fetch(new URL(path, issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
}

const uri = (u: string) => ({ redirect_uris: [u] });

const cases: BadRequest[] = [
  // Registration (RFC 7591)
  {
    name: 'javascript: redirect URI',
    send: register(uri('javascript:alert(1)')),
    status: 400,
    error: 'invalid_redirect_uri',
    channel: 'json',
  },
  {
    name: 'data: redirect URI',
    send: register(uri('data:text/html,x')),
    status: 400,
    error: 'invalid_redirect_uri',
    channel: 'json',
  },
  {
    name: 'redirect URI with a fragment',
    send: register(uri('https://app.example.com/cb#x')),
    status: 400,
    error: 'invalid_redirect_uri',
    channel: 'json',
  },
  {
    name: 'wildcard redirect URI',
    send: register(uri('https://*.example.com/cb')),
    status: 400,
    error: 'invalid_redirect_uri',
    channel: 'json',
  },
  {
    name: 'http redirect URI off loopback',
    send: register(uri('http://app.example.com/cb')),
    status: 400,
    error: 'invalid_redirect_uri',
    channel: 'json',
  },
  {
    name: 'no redirect URIs',
    send: register({}),
    status: 400,
    error: 'invalid_redirect_uri',
    channel: 'json',
  },
  {
    name: 'redirect_uris not an array',
    send: register({ redirect_uris: 'https://a.example.com/cb' }),
    status: 400,
    error: 'invalid_redirect_uri',
    channel: 'json',
  },
  {
    name: 'implicit grant',
    send: register({ ...uri('https://a.example.com/cb'), grant_types: ['implicit'] }),
    status: 400,
    error: 'invalid_client_metadata',
    channel: 'json',
  },
  {
    name: 'token response type',
    send: register({ ...uri('https://a.example.com/cb'), response_types: ['token'] }),
    status: 400,
    error: 'invalid_client_metadata',
    channel: 'json',
  },
  {
    name: 'unknown auth method',
    send: register({ ...uri('https://a.example.com/cb'), token_endpoint_auth_method: 'magic' }),
    status: 400,
    error: 'invalid_client_metadata',
    channel: 'json',
  },
  {
    name: 'malformed JSON body',
    send: () =>
      fetch(new URL(AS_PATHS.register, issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"redirect_uris":',
      }),
    status: 400,
    error: 'invalid_request',
    channel: 'json',
  },
  {
    name: 'oversized registration body',
    send: register({ ...uri('https://a.example.com/cb'), client_name: 'x'.repeat(20_000) }),
    status: 413,
    error: 'invalid_client_metadata',
    channel: 'json',
  },
  // Authorization endpoint
  {
    name: 'unknown client',
    send: authorizeWith({ client_id: 'no-such-client' }),
    status: 400,
    error: 'invalid_client',
    channel: 'page',
  },
  {
    name: 'unregistered redirect URI',
    send: authorizeWith({ redirect_uri: 'https://evil.example.com/cb' }),
    status: 400,
    error: 'invalid_redirect_uri',
    channel: 'page',
  },
  {
    name: 'no PKCE challenge',
    send: authorizeWith({ code_challenge: undefined, code_challenge_method: undefined }),
    status: 303,
    error: 'invalid_request',
    channel: 'redirect',
  },
  {
    name: 'plain PKCE method',
    send: authorizeWith({ code_challenge_method: 'plain' }),
    status: 303,
    error: 'invalid_request',
    channel: 'redirect',
  },
  {
    name: 'implicit response type',
    send: authorizeWith({ response_type: 'token' }),
    status: 303,
    error: 'unsupported_response_type',
    channel: 'redirect',
  },
  {
    name: 'foreign resource',
    send: authorizeWith({ resource: 'https://evil.example.com/mcp' }),
    status: 303,
    error: 'invalid_target',
    channel: 'redirect',
  },
  {
    name: 'resource with a fragment',
    send: authorizeWith({ resource: 'http://localhost:4001/mcp#x' }),
    status: 303,
    error: 'invalid_target',
    channel: 'redirect',
  },
  // Token endpoint
  {
    name: 'password grant',
    send: () =>
      token({
        grant_type: 'password',
        client_id: client.client_id,
        username: 'a',
        password: 'b',
      })(),
    status: 400,
    error: 'unsupported_grant_type',
    channel: 'json',
  },
  {
    name: 'no grant type',
    send: () => token({ client_id: client.client_id })(),
    status: 400,
    error: 'invalid_request',
    channel: 'json',
  },
  {
    name: 'unknown client at token',
    send: token({ grant_type: 'authorization_code', code: 'x', client_id: 'nobody' }),
    status: 401,
    error: 'invalid_client',
    channel: 'json',
  },
  {
    name: 'made-up authorization code',
    send: () =>
      token({
        grant_type: 'authorization_code',
        code: 'made-up',
        client_id: client.client_id,
        redirect_uri: client.redirect_uris[0] ?? '',
        code_verifier: 'v'.repeat(43),
      })(),
    status: 400,
    error: 'invalid_grant',
    channel: 'json',
  },
  {
    name: 'made-up refresh token',
    send: () =>
      token({
        grant_type: 'refresh_token',
        refresh_token: 'made-up',
        client_id: client.client_id,
      })(),
    status: 400,
    error: 'invalid_grant',
    channel: 'json',
  },
  // Introspection and revocation
  {
    name: 'introspection without client authentication',
    send: post(AS_PATHS.introspect, { token: 'x' }),
    status: 401,
    error: 'invalid_client',
    channel: 'json',
  },
  {
    name: 'introspection with a wrong secret',
    send: () =>
      post(
        AS_PATHS.introspect,
        { token: 'x' },
        { authorization: basicAuth(as.introspectionClient.clientId, 'wrong') },
      )(),
    status: 401,
    error: 'invalid_client',
    channel: 'json',
  },
  {
    name: 'introspection without a token',
    send: () =>
      post(
        AS_PATHS.introspect,
        {},
        {
          authorization: basicAuth(
            as.introspectionClient.clientId,
            as.introspectionClient.clientSecret,
          ),
        },
      )(),
    status: 400,
    error: 'invalid_request',
    channel: 'json',
  },
  {
    name: 'revocation without a token',
    send: () => post(AS_PATHS.revoke, { client_id: client.client_id })(),
    status: 400,
    error: 'invalid_request',
    channel: 'json',
  },
];

describe('bad requests get their OAuth error, never a 500', () => {
  it('covers at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name → $status $error', async ({ send, status, error, channel }) => {
    const response = await send();
    expect(response.status).toBe(status);
    if (channel === 'json') {
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.error).toBe(error);
      expect(typeof body.error_description).toBe('string');
    } else if (channel === 'redirect') {
      const location = new URL(response.headers.get('location') ?? '');
      // An implicit-style request gets its error in the fragment (its default response mode).
      const params =
        location.hash === '' ? location.searchParams : new URLSearchParams(location.hash.slice(1));
      expect(location.href.startsWith(client.redirect_uris[0] ?? '')).toBe(true);
      expect(params.get('error')).toBe(error);
      expect(params.get('iss')).toBe(issuer);
    } else {
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain(error);
    }
  });

  it('rate-limits registration per IP with 429 and Retry-After', async () => {
    // Its own store: the counters live in the store, shared by every instance on it.
    const ownStore = await openTestStore('sqlite');
    const limited = await startAuthorizationServer(ownStore.store, {
      rateLimits: {
        ...TEST_RATE_LIMITS,
        openRegistrationPerIp: { points: 2, windowSeconds: 3600 },
      },
    });
    try {
      await registerClient(limited.url);
      await registerClient(limited.url);
      const third = await fetch(new URL(AS_PATHS.register, limited.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ redirect_uris: ['https://a.example.com/cb'] }),
      });
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await third.json()).toMatchObject({ error: 'too_many_requests' });
    } finally {
      await limited.close();
      await ownStore.dispose();
    }
  });

  it('a wrong password gets one neutral message and no session', async () => {
    const outcome = authorize({
      issuer,
      client,
      scope: 'read:jira-work',
      user: { email: 'alice@example.com', password: `${DEMO_PASSWORD}-wrong` },
    });
    await expect(outcome).rejects.toThrow(/That email and password do not match an account/);
  });
});
