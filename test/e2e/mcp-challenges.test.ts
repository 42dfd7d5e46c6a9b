/**
 * Stack: the authorization server and the MCP server in-process on ephemeral ports over one
 * seeded SQLite store (temp dir); beside them, a second MCP server with another resource URL
 * (audience mismatch) and a third whose authorization server is down (outage). Raw HTTP, so
 * that every status and `WWW-Authenticate` header can be read as a client sees it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningMcpServer } from '@gatehouse/mcp-server';
import { formatApiToken } from '@gatehouse/policy';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AS_PATHS, authorize, exchangeCode, registerClient } from '../support/oauth-flow.js';
import {
  DEMO_PASSWORD,
  openTestStore,
  startMcpServer,
  startStack,
  type TestStack,
  type TestStore,
} from '../support/stack.js';

const BASIC_SCOPES = 'read:me read:jira-work read:confluence-content read:compass';

let testStore: TestStore;
let stack: TestStack;
let otherResource: RunningMcpServer;
let asDown: RunningMcpServer;
let clientId: string;
let accessToken: string;
let metadataUrl: string;

async function signIn(scope: string) {
  const issuer = stack.as.url;
  const client = await registerClient(issuer);
  const user = { email: 'bob@example.com', password: DEMO_PASSWORD };
  const outcome = await authorize({ issuer, client, scope, resource: stack.mcpUrl, user });
  return { clientId: client.client_id, tokens: await exchangeCode(issuer, client, outcome) };
}

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
  stack = await startStack(testStore.store);
  otherResource = await startMcpServer(testStore.store, { asIssuer: stack.as.url });
  asDown = await startMcpServer(testStore.store, { asIssuer: await closedPortUrl() });
  const signedIn = await signIn('read:me read:jira-work');
  clientId = signedIn.clientId;
  accessToken = signedIn.tokens.access_token;
  metadataUrl = `${new URL(stack.mcpUrl).origin}/.well-known/oauth-protected-resource/mcp`;
});

afterAll(async () => {
  await asDown?.close();
  await otherResource?.close();
  await stack?.close();
  await testStore?.dispose();
});

/** A loopback URL where nothing listens (any connection is refused). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function rpc(method: string, params?: Record<string, unknown>) {
  return JSON.stringify({ jsonrpc: '2.0', id: 1, method, ...(params ? { params } : {}) });
}

function post(url: string, headers: Record<string, string>, body = rpc('tools/list')) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body,
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function setApiTokens(enabled: boolean) {
  const { store } = testStore;
  const current = await store.settings.get('demo');
  const written = await store.settings.put(
    'demo',
    { ...current?.value, apiTokenAuthEnabled: enabled },
    { expectedVersion: current?.version ?? 0, actor: 'user-alice' },
  );
  await store.events.publish({ type: 'settings.changed', orgId: 'demo', version: written.version });
  await vi.waitFor(async () => {
    const challenge = (await post(stack.mcpUrl, {})).headers.get('www-authenticate') ?? '';
    expect(challenge.includes('Basic realm=')).toBe(enabled);
  });
}

describe('401 challenges', () => {
  it('without a token: resource metadata and the basic scopes, no error', async () => {
    const response = await post(stack.mcpUrl, {});
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${metadataUrl}", scope="${BASIC_SCOPES}"`,
    );
    const metadata = await (await fetch(metadataUrl)).json();
    expect(metadata).toMatchObject({
      resource: stack.mcpUrl,
      authorization_servers: [stack.as.url],
    });
  });

  it.each<[string, () => Promise<Record<string, string>>, string]>([
    [
      'an unknown token',
      async () => bearer('not-a-token-the-authorization-server-issued'),
      'The access token is invalid, expired or revoked.',
    ],
    ['a malformed token', async () => bearer('two words'), 'The bearer token is malformed.'],
    [
      'a JWT (this authorization server issues only opaque tokens)',
      async () => bearer('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl'),
      'This server accepts only the opaque access tokens its authorization server issues, ' +
        'not JWTs: get a token from the authorization server the protected resource metadata names.',
    ],
    [
      'a refresh token used as access token',
      async () => bearer((await signIn('read:me')).tokens.refresh_token ?? ''),
      'The access token is invalid, expired or revoked.',
    ],
  ])('with %s: invalid_token', async (_name, headers, description) => {
    const response = await post(stack.mcpUrl, await headers());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", resource_metadata="${metadataUrl}", scope="${BASIC_SCOPES}", error_description="${description}"`,
    );
    expect(await response.json()).toEqual({
      error: 'invalid_token',
      error_description: description,
    });
  });

  it('for a token issued for another resource (audience mismatch)', async () => {
    expect(otherResource.url).not.toBe(stack.mcpUrl);
    const valid = await post(stack.mcpUrl, bearer(accessToken));
    expect(valid.status).toBe(200);
    const response = await post(otherResource.url, bearer(accessToken));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: 'invalid_token',
      error_description: 'The access token was not issued for this resource.',
    });
  });
});

describe('403 insufficient_scope', () => {
  it('names the scopes the call needs plus those already granted', async () => {
    const body = rpc('tools/call', {
      name: 'createJiraIssue',
      arguments: { projectKey: 'OPS', summary: 'x' },
    });
    const response = await post(stack.mcpUrl, bearer(accessToken), body);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="insufficient_scope", resource_metadata="${metadataUrl}", ` +
        'scope="read:me read:jira-work write:jira-work", ' +
        'error_description="createJiraIssue needs more access than this token has: write:jira-work."',
    );
  });
});

describe('400 for malformed requests', () => {
  it('refuses a token in the query string, even next to a valid header', async () => {
    for (const headers of [{}, bearer(accessToken)]) {
      const response = await post(`${stack.mcpUrl}?access_token=${accessToken}`, headers);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    }
  });

  it.each([
    ['not JSON', 'nope'],
    ['not JSON-RPC', '{"method":"tools/list"}'],
  ])('refuses a body that is %s', async (_name, body) => {
    const response = await post(stack.mcpUrl, bearer(accessToken), body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('answers GET and DELETE 405: no stream, no session; Allow names the preflight too', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(stack.mcpUrl, { method, headers: bearer(accessToken) });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    }
    const preflight = await fetch(stack.mcpUrl, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:6274', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
  });
});

describe('JSON-RPC invalid params', () => {
  it.each([
    ['tools/call without a name', rpc('tools/call', { arguments: {} }), 'params.name is missing'],
    ['initialize without params', rpc('initialize'), 'params is missing'],
    ['tools/list with a numeric cursor', rpc('tools/list', { cursor: 5 }), 'params.cursor must be'],
  ])('%s: -32602 with a sentence, not -32603 with a zod dump', async (_name, body, words) => {
    const response = await post(stack.mcpUrl, bearer(accessToken), body);
    expect(response.status).toBe(200);
    const { error } = (await response.json()) as { error: { code: number; message: string } };
    expect(error.code).toBe(-32602);
    expect(error.message).toContain(words);
    expect(error.message).not.toContain('invalid_type');
  });
});

describe('DNS rebinding', () => {
  it('answers a foreign Host 421 and a foreign Origin 403', async () => {
    const { port } = new URL(stack.mcpUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/mcp',
          method: 'POST',
          headers: { host: `attacker.example:${port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(rpc('tools/list'));
    });
    expect(status).toBe(421);
    const foreign = await post(stack.mcpUrl, {
      ...bearer(accessToken),
      origin: 'https://attacker.example',
    });
    expect(foreign.status).toBe(403);
  });
});

describe('API tokens', () => {
  const apiToken = formatApiToken(randomBytes(32));
  const basic = `Basic ${Buffer.from(`bob@example.com:${apiToken}`).toString('base64')}`;

  it('while the org has them off, Basic: 401 as for an unsupported scheme, the reason in the body', async () => {
    const response = await post(stack.mcpUrl, { authorization: basic });
    expect(response.status).toBe(401);
    // RFC 6750 §3.1: no Bearer credential was sent, so the challenge carries no error.
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${metadataUrl}", scope="${BASIC_SCOPES}"`,
    );
    expect(await response.json()).toEqual({
      error: 'unauthorized',
      error_description: expect.stringContaining(
        "API-token authentication is disabled by your organization's admin",
      ),
    });
  });

  it('while the org has them off, a gat_ bearer: 401 invalid_token pointing to OAuth 2.1', async () => {
    const response = await post(stack.mcpUrl, bearer(apiToken));
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer error="invalid_token", resource_metadata=/);
    expect(challenge).toContain(
      "API-token authentication is disabled by your organization's admin",
    );
    expect(challenge).not.toContain('Basic');
  });

  it('while on: Basic is advertised, and an unknown token is refused after introspection', async () => {
    await setApiTokens(true);
    try {
      const response = await post(stack.mcpUrl, { authorization: basic });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(
        /^Bearer error="invalid_token", .*, Basic realm="[^"]+", charset="UTF-8"$/,
      );
      expect(await response.json()).toMatchObject({
        error_description: 'The access token is invalid, expired or revoked.',
      });
    } finally {
      await setApiTokens(false);
    }
  });
});

describe('introspection outage', () => {
  it('fails closed with 503 and Retry-After when the authorization server refuses connections', async () => {
    const response = await post(asDown.url, bearer(accessToken));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: 'temporarily_unavailable' });
  });
});

describe('revocation', () => {
  it('takes effect within a second when the access token is revoked', async () => {
    const { clientId: ownClient, tokens } = await signIn('read:me');
    expect((await post(stack.mcpUrl, bearer(tokens.access_token))).status).toBe(200); // now cached
    const revoke = await fetch(new URL(AS_PATHS.revoke, stack.as.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.access_token, client_id: ownClient }),
    });
    expect(revoke.status).toBe(200);
    const revokedAt = Date.now();
    await vi.waitFor(
      async () => expect((await post(stack.mcpUrl, bearer(tokens.access_token))).status).toBe(401),
      { timeout: 2_000, interval: 50 },
    );
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
    // Another user's token is unaffected.
    expect(clientId).not.toBe(ownClient);
    expect((await post(stack.mcpUrl, bearer(accessToken))).status).toBe(200);
  });
});
