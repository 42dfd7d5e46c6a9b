/**
 * Stack: the MCP server in-process on an ephemeral port over a seeded SQLite store (temp dir),
 * with a fake introspector standing in for the authorization server, so that every HTTP-level
 * behaviour (metadata, challenges, API tokens, DNS-rebinding checks, malformed requests, outage)
 * is tested here without one. `test/e2e/mcp-*.test.ts` runs the same against the real one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOrgSettings } from '@gatehouse/org-settings';
import { formatApiToken } from '@gatehouse/policy';
import { createSqliteStore, type Store } from '@gatehouse/store';
import { seedDemoOrg } from '@gatehouse/workspace';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IntrospectionResult, TokenClaims } from '../src/auth/introspection.js';
import { IntrospectionUnavailableError } from '../src/auth/introspection.js';
import { parseMcpConfig } from '../src/env.js';
import { listenMcpServer, type RunningMcpServer } from '../src/listen.js';

const API_TOKEN = formatApiToken(randomBytes(32));
const OUTAGE_TOKEN = 'token-during-an-outage';
let dir: string;
let store: Store;
let server: RunningMcpServer;
let url: string;
let origin: string;
const introspected: string[] = [];

function claims(overrides: Partial<TokenClaims>): IntrospectionResult {
  return {
    active: true,
    claims: {
      subject: 'user-alice',
      clientId: 'client-1',
      scopes: ['read:me', 'read:jira-work'],
      audiences: [url],
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
      email: 'alice@example.com',
      authMethod: 'oauth',
      apiTokenId: undefined,
      ...overrides,
    },
  };
}

async function fakeIntrospector(token: string): Promise<IntrospectionResult> {
  introspected.push(token);
  if (token === OUTAGE_TOKEN) throw new IntrospectionUnavailableError('connection refused');
  if (token === 'alice-read') return claims({});
  if (token === API_TOKEN) {
    const scopes = ['read:me', 'read:jsm', 'read:compass'];
    return claims({ authMethod: 'api_token', clientId: 'api-token:t1', apiTokenId: 't1', scopes });
  }
  return { active: false };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mcp-http-'));
  store = await createSqliteStore({ dataDir: dir, logger: pino({ level: 'silent' }) });
  await seedDemoOrg(
    { records: store.records, users: store.users },
    { password: 'a-test-password' },
  );
  const config = parseMcpConfig({ NODE_ENV: 'test', MCP_PORT: '0', LOG_LEVEL: 'silent' });
  server = await listenMcpServer(
    { ...config, allowedOrigins: ['https://app.example.org'] },
    { store, logger: pino({ level: 'silent' }), introspector: fakeIntrospector },
  );
  url = server.url;
  origin = new URL(url).origin;
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 't', version: '1' },
  },
};

function post(body: unknown, headers: Record<string, string> = {}, target = url) {
  return fetch(target, {
    method: 'POST',
    headers: {
      accept: 'application/json, text/event-stream',
      'content-type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const basic = (email: string, token: string) => ({
  authorization: `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`,
});
const call = (name: string, args: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0',
  id: 2,
  method: 'tools/call',
  params: { name, arguments: args },
});

async function setApiTokens(enabled: boolean) {
  const current = await store.settings.get('demo');
  const written = await writeOrgSettings(
    store,
    'demo',
    { apiTokenAuthEnabled: enabled },
    { expectedVersion: current?.version ?? 0, actor: 'test' },
  );
  expect(written.ok).toBe(true);
  // The server's settings reader follows the events channel within a poll interval.
  await vi.waitFor(async () => {
    const response = await post(INITIALIZE);
    expect((response.headers.get('www-authenticate') ?? '').includes('Basic')).toBe(enabled);
  });
}

describe('protected resource metadata (RFC 9728)', () => {
  it('serves the same document at the path-specific and the root well-known URL', async () => {
    const paths = [
      '/.well-known/oauth-protected-resource/mcp',
      '/.well-known/oauth-protected-resource',
    ];
    const [specific, root] = await Promise.all(paths.map((path) => fetch(`${origin}${path}`)));
    for (const response of [specific, root]) {
      expect(response?.status).toBe(200);
      expect(response?.headers.get('access-control-allow-origin')).toBe('*');
      expect(response?.headers.get('cache-control')).toBe('public, max-age=300');
    }
    const document = await specific?.json();
    expect(await root?.json()).toEqual(document);
    expect(document).toEqual({
      resource: url,
      authorization_servers: ['http://localhost:4000'],
      scopes_supported: ['read:me', 'read:jira-work', 'read:confluence-content', 'read:compass'],
      bearer_methods_supported: ['header'],
      resource_name: 'Gatehouse work tools (MCP)',
    });
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(`${origin}/.well-known/oauth-protected-resource/mcp`, {
      method: 'OPTIONS',
      headers: { origin: 'https://anywhere.example', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
  });
});

describe('the MCP endpoint: requests refused before authentication', () => {
  it.each(['GET', 'DELETE', 'PUT', 'HEAD'])(
    '%s → 405 Allow: POST, OPTIONS (stateless: no stream, no session; OPTIONS is the preflight)',
    async (method) => {
      const response = await fetch(url, { method, headers: bearer('alice-read') });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST, OPTIONS');
      if (method !== 'HEAD') {
        expect(await response.json()).toMatchObject({ error: 'method_not_allowed' });
      }
    },
  );

  it('refuses a token in the query string with 400 invalid_request and never looks at it', async () => {
    const before = introspected.length;
    const response = await post(INITIALIZE, {}, `${url}?access_token=alice-read`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_request"');
    expect(introspected.length).toBe(before);
  });

  it('answers a foreign Origin 403 and an allowed one with CORS headers', async () => {
    const foreign = await post(INITIALIZE, {
      ...bearer('alice-read'),
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: 'forbidden_origin' });
    for (const allowed of ['http://localhost:6274', 'https://app.example.org']) {
      const response = await post(INITIALIZE, { ...bearer('alice-read'), origin: allowed });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(response.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    }
  });

  it('answers a preflight from an allowed origin', async () => {
    const response = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:6274', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('answers a foreign Host 421, on every path', async () => {
    const status = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          `${origin}${path}`,
          { headers: { host: 'rebound.example' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await status('/mcp')).toBe(421);
    expect(await status('/.well-known/oauth-protected-resource')).toBe(421);
    expect(await status('/healthz')).toBe(200);
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await fetch(`${origin}/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('the MCP endpoint: malformed bodies from an authenticated caller', () => {
  it.each<[string, string, Record<string, string>, number, string]>([
    ['not JSON', '{"jsonrpc":', {}, 400, 'invalid_request'],
    ['JSON but not JSON-RPC', '{"hello":"world"}', {}, 400, 'invalid_request'],
    ['an empty batch', '[]', {}, 400, 'invalid_request'],
    [
      'a form body',
      'a=b',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'unsupported_media_type',
    ],
    [
      'a body over 1 MiB',
      JSON.stringify({ ...INITIALIZE, pad: 'x'.repeat(1024 * 1024) }),
      {},
      413,
      'request_too_large',
    ],
  ])('%s → %i', async (_name, body, headers, status, error) => {
    const response = await post(body, { ...bearer('alice-read'), ...headers });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error });
  });
});

describe('the MCP endpoint: invalid params (never the SDK 1.32 -32603 zod dump)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'tools/call without a string name',
      { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { arguments: {} } },
      'Invalid params for tools/call: params.name is missing (a string).',
    ],
    [
      'initialize without params',
      { jsonrpc: '2.0', id: 7, method: 'initialize' },
      'Invalid params for initialize: params is missing (an object).',
    ],
    [
      'tools/list with a numeric cursor',
      { jsonrpc: '2.0', id: 7, method: 'tools/list', params: { cursor: 5 } },
      'Invalid params for tools/list: params.cursor must be a string.',
    ],
  ])('%s → -32602 with a short sentence', async (_name, body, message) => {
    const response = await post(body, bearer('alice-read'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32602, message },
    });
  });
});

describe('the MCP endpoint: OAuth access tokens', () => {
  it('serves initialize, tools/list and tools/call for a valid token', async () => {
    const init = await post(INITIALIZE, bearer('alice-read'));
    expect(init.status).toBe(200);
    expect(init.headers.get('mcp-session-id')).toBeNull();
    expect(await init.json()).toMatchObject({ result: { serverInfo: { name: 'gatehouse-mcp' } } });
    const list = await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, bearer('alice-read'));
    const names = (
      (await list.json()) as { result: { tools: { name: string }[] } }
    ).result.tools.map((t) => t.name);
    expect(names).toContain('getJiraIssue');
    expect(names).not.toContain('createJiraIssue');
    const result = await post(
      call('getJiraIssue', { issueIdOrKey: 'OPS-1' }),
      bearer('alice-read'),
    );
    expect(await result.json()).toMatchObject({ result: { structuredContent: { key: 'OPS-1' } } });
  });

  it('answers a call needing more scopes with 403 insufficient_scope, and audits it', async () => {
    const response = await post(
      call('createJiraIssue', { projectKey: 'OPS', summary: 'x' }),
      bearer('alice-read'),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="insufficient_scope", resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp", ` +
        'scope="read:me read:jira-work write:jira-work", ' +
        'error_description="createJiraIssue needs more access than this token has: write:jira-work."',
    );
    expect(await response.json()).toMatchObject({ error: 'insufficient_scope' });
    const { events } = await store.audit.query({ orgId: 'demo', action: 'tool.call', limit: 1 });
    expect(events[0]).toMatchObject({
      outcome: 'denied',
      actor: 'user-alice',
      clientId: 'client-1',
      details: { tool: 'createJiraIssue', authMethod: 'oauth', reason: 'missing_scopes' },
    });
  });

  it('answers an unknown tool -32602, naming and auditing it by its first 128 characters', async () => {
    const name = `x${'y'.repeat(200_000)}`;
    const response = await post(call(name), bearer('alice-read'));
    const recorded = `${name.slice(0, 128)}… [truncated, ${name.length} characters]`;
    const { error } = (await response.json()) as { error: { code: number; message: string } };
    expect(error.code).toBe(-32602);
    expect(error.message.endsWith(`Unknown tool: ${recorded}`)).toBe(true);
    expect(error.message.length).toBeLessThan(250);
    const { events } = await store.audit.query({ orgId: 'demo', action: 'tool.call', limit: 1 });
    expect(events[0]).toMatchObject({
      outcome: 'denied',
      details: { tool: recorded, reason: 'unknown_tool' },
    });
  });

  it('answers an unknown or revoked token 401 invalid_token', async () => {
    const response = await post(INITIALIZE, bearer('revoked'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('refuses a JWT-shaped bearer 401 invalid_token without introspecting it', async () => {
    const before = introspected.length;
    const response = await post(INITIALIZE, bearer('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await response.json()).toMatchObject({
      error: 'invalid_token',
      error_description: expect.stringContaining(
        'accepts only the opaque access tokens its authorization server issues',
      ),
    });
    expect(introspected.length).toBe(before);
  });

  it('fails closed with 503 and Retry-After when introspection is unavailable', async () => {
    const response = await post(INITIALIZE, bearer(OUTAGE_TOKEN));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: 'temporarily_unavailable' });
  });
});

describe('the MCP endpoint: API tokens', () => {
  it('refuses Basic and gat_ bearers while the org has API tokens off, without introspecting', async () => {
    const before = introspected.length;
    for (const headers of [basic('alice@example.com', API_TOKEN), bearer(API_TOKEN)]) {
      const response = await post(INITIALIZE, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).not.toContain('Basic');
      expect(
        ((await response.json()) as { error_description: string }).error_description,
      ).toContain("API-token authentication is disabled by your organization's admin");
    }
    expect(introspected.length).toBe(before);
  });

  it('answers Basic while off as an unsupported scheme: no error in the challenge (RFC 6750 §3.1)', async () => {
    const response = await post(INITIALIZE, basic('alice@example.com', API_TOKEN));
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp", ` +
        'scope="read:me read:jira-work read:confluence-content read:compass"',
    );
    expect(await response.json()).toMatchObject({
      error: 'unauthorized',
      error_description: expect.stringContaining('OAuth 2.1'),
    });
  });

  it('answers a gat_ bearer while off as an invalid Bearer token, saying why in the challenge', async () => {
    const response = await post(INITIALIZE, bearer(API_TOKEN));
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer error="invalid_token", /);
    expect(challenge).toContain(
      "API-token authentication is disabled by your organization's admin",
    );
    expect(await response.json()).toMatchObject({ error: 'invalid_token' });
  });

  describe('while enabled', () => {
    beforeAll(() => setApiTokens(true));
    afterAll(() => setApiTokens(false));

    it('advertises Basic next to Bearer on every 401', async () => {
      const response = await post(INITIALIZE);
      expect(response.headers.get('www-authenticate')).toMatch(
        /^Bearer .*, Basic realm="[^"]+", charset="UTF-8"$/,
      );
    });

    it.each<[string, Record<string, string>]>([
      ['Basic email:token', basic('alice@example.com', API_TOKEN)],
      ['Basic with the email in another case', basic('ALICE@example.com', API_TOKEN)],
      ['Bearer', bearer(API_TOKEN)],
    ])('accepts %s and lists the API-token tool sets', async (_name, headers) => {
      const list = await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, headers);
      expect(list.status).toBe(200);
      const { result } = (await list.json()) as { result: { tools: { name: string }[] } };
      expect(result.tools.map((t) => t.name)).toEqual([
        'atlassianUserInfo',
        'getAccessibleAtlassianResources',
        'listServiceDeskRequests',
        'getServiceDeskRequest',
      ]);
    });

    it('refuses Basic with another user’s email', async () => {
      const response = await post(INITIALIZE, basic('bob@example.com', API_TOKEN));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        error_description: 'The email does not match the API token.',
      });
    });

    it('refuses a mistyped token locally', async () => {
      const before = introspected.length;
      const mistyped = `${API_TOKEN.slice(0, 10)}${API_TOKEN[10] === 'a' ? 'b' : 'a'}${API_TOKEN.slice(11)}`;
      const response = await post(INITIALIZE, bearer(mistyped));
      expect(response.status).toBe(401);
      expect(introspected.length).toBe(before);
    });

    it('answers an API token lacking scopes with a tool error naming them, not a 403 step-up', async () => {
      const response = await post(
        call('createServiceDeskRequest', { serviceDeskId: 'x', summary: 'y' }),
        bearer(API_TOKEN),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(await response.json()).toMatchObject({
        result: {
          isError: true,
          content: [
            {
              text: expect.stringMatching(
                /^createServiceDeskRequest needs scopes this API token does not have: write:jsm\. .*create a token with these scopes/,
              ),
            },
          ],
        },
      });
      const { events } = await store.audit.query({ orgId: 'demo', action: 'tool.call', limit: 1 });
      expect(events[0]).toMatchObject({
        outcome: 'denied',
        details: {
          tool: 'createServiceDeskRequest',
          authMethod: 'api_token',
          reason: 'missing_scopes',
        },
      });
    });

    it('serves an API-token-only tool and refuses an OAuth-only one with a tool error', async () => {
      const jsm = await post(call('listServiceDeskRequests'), bearer(API_TOKEN));
      expect(await jsm.json()).toMatchObject({
        result: { structuredContent: { items: expect.any(Array) } },
      });
      const compass = await post(call('listCompassComponents'), bearer(API_TOKEN));
      expect(await compass.json()).toMatchObject({
        result: {
          isError: true,
          content: [{ text: expect.stringContaining('works only with an OAuth 2.1 connection') }],
        },
      });
    });
  });
});
