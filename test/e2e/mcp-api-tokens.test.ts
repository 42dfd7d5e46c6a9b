/**
 * Stack: the authorization server and the MCP server in-process on ephemeral ports over one
 * seeded SQLite store (temp dir). API tokens are created on the account pages and the org switch
 * is flipped in the admin console, over real HTTP; the MCP side is the real SDK client sending
 * `Authorization: Basic base64(email:token)` or `Bearer <token>`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { formatApiToken } from '@gatehouse/policy';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createApiTokenViaAccount,
  openPage,
  setApiTokenAuth,
  signInToAccount,
} from '../support/account-pages.js';
import {
  DEMO_PASSWORD,
  openTestStore,
  startStack,
  type TestStack,
  type TestStore,
} from '../support/stack.js';
import type { UserAgent } from '../support/user-agent.js';

const SCOPES = ['read:me', 'read:jsm', 'write:jsm', 'read:compass'];

let testStore: TestStore;
let stack: TestStack;
let alice: UserAgent;
let bob: UserAgent;
let bobToken: string;
let carolToken: string;
const clients: Client[] = [];

const basic = (email: string, token: string) =>
  `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

function post(authorization: string) {
  return fetch(stack.mcpUrl, {
    method: 'POST',
    headers: {
      authorization,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
  });
}

/** Waits until the MCP server's settings reader has seen the admin's switch. */
async function untilMcpSees(apiTokensEnabled: boolean) {
  await vi.waitFor(async () => {
    const challenge = (await post('')).headers.get('www-authenticate') ?? '';
    expect(challenge.includes('Basic realm=')).toBe(apiTokensEnabled);
  });
}

async function connect(authorization: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(stack.mcpUrl), {
    requestInit: { headers: { authorization } },
  });
  const client = new Client({ name: 'e2e-ci-bot', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const [first] = result.content as Array<{ text?: string }>;
  return { ...result, text: first?.text ?? '' };
}

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
  stack = await startStack(testStore.store);
  const issuer = stack.as.url;
  alice = await signInToAccount(issuer, { email: 'alice@example.com', password: DEMO_PASSWORD });
  bob = await signInToAccount(issuer, { email: 'bob@example.com', password: DEMO_PASSWORD });
  const carol = await signInToAccount(issuer, {
    email: 'carol@example.com',
    password: DEMO_PASSWORD,
  });
  bobToken = await createApiTokenViaAccount(bob, issuer, { name: 'bob bot', scopes: SCOPES });
  carolToken = await createApiTokenViaAccount(carol, issuer, { name: 'carol bot', scopes: SCOPES });
  await setApiTokenAuth(alice, issuer, true);
  await untilMcpSees(true);
});

afterAll(async () => {
  for (const client of clients) await client.close();
  await stack?.close();
  await testStore?.dispose();
});

describe('API tokens at the MCP server', () => {
  it('lists what the token may use: its scopes, API-token tool sets, never OAuth-only ones', async () => {
    const client = await connect(basic('bob@example.com', bobToken));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'atlassianUserInfo',
      'getAccessibleAtlassianResources',
      'listServiceDeskRequests',
      'getServiceDeskRequest',
      'createServiceDeskRequest',
      'addServiceDeskRequestComment',
    ]);
  });

  it.each<[string, () => string, number]>([
    ['bob, an agent, by Basic', () => basic('BOB@example.com', bobToken), 6],
    ['carol, a customer, by Bearer', () => `Bearer ${carolToken}`, 3],
  ])('answers as the token’s owner: %s sees %i requests', async (_name, authorization, total) => {
    const client = await connect(authorization());
    const result = await call(client, 'listServiceDeskRequests');
    expect(result.structuredContent).toMatchObject({ total });
  });

  it('refuses an OAuth-only tool with a tool error', async () => {
    const client = await connect(`Bearer ${bobToken}`);
    const result = await call(client, 'listCompassComponents');
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      'listCompassComponents works only with an OAuth 2.1 connection; this request uses an API token.',
    );
  });

  it('audits calls with the auth method and the token as client', async () => {
    const tokenId = (
      await testStore.store.apiTokens.findByHash(
        createHash('sha256').update(bobToken).digest('hex'),
      )
    )?.id;
    const { events } = await testStore.store.audit.query({
      orgId: 'demo',
      action: 'tool.call',
      actor: 'user-bob',
      limit: 1,
    });
    expect(events[0]).toMatchObject({
      clientId: `api-token:${tokenId}`,
      details: {
        authMethod: 'api_token',
        tool: 'listCompassComponents',
        reason: 'auth_method_not_allowed',
      },
    });
  });

  it('refuses a tool needing scopes the token lacks with a tool error, not a step-up it cannot take', async () => {
    const client = await connect(`Bearer ${bobToken}`);
    const result = await call(client, 'getJiraIssue', { issueIdOrKey: 'OPS-1' });
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      'getJiraIssue needs scopes this API token does not have: read:jira-work. ' +
        "An API token's scopes are fixed when it is created: create a token with these scopes " +
        'on your account page and use it instead.',
    );
  });

  it('refuses Basic with someone else’s email', async () => {
    const response = await post(basic('alice@example.com', bobToken));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error_description: 'The email does not match the API token.',
    });
  });

  it('stops accepting a token within a second of its revocation on the account page', async () => {
    const authorization = basic('bob@example.com', bobToken);
    expect((await post(authorization)).status).toBe(200); // cached as active now
    const tokenId = (
      await testStore.store.apiTokens.findByHash(
        createHash('sha256').update(bobToken).digest('hex'),
      )
    )?.id;
    const { csrf } = await openPage(bob, `${stack.as.url}/account`);
    const revoke = await bob.postForm(`${stack.as.url}/account/tokens/${tokenId}/revoke`, { csrf });
    expect(revoke.status).toBe(303);
    const revokedAt = Date.now();
    await vi.waitFor(async () => expect((await post(authorization)).status).toBe(401), {
      timeout: 2_000,
      interval: 50,
    });
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
  });

  it('throttles repeated failures with one token, before asking the authorization server', async () => {
    const unknown = formatApiToken(randomBytes(32));
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await post(`Bearer ${unknown}`)).status).toBe(401);
    }
    const throttled = await post(`Bearer ${unknown}`);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await throttled.json()).toMatchObject({ error: 'too_many_requests' });
    // Another token from the same address is still heard.
    expect((await post(`Bearer ${carolToken}`)).status).toBe(200);
  });

  it('tells API-token callers to use OAuth 2.1 once the admin switches API tokens off', async () => {
    expect((await post(`Bearer ${carolToken}`)).status).toBe(200);
    await setApiTokenAuth(alice, stack.as.url, false);
    await untilMcpSees(false);
    const response = await post(`Bearer ${carolToken}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: 'invalid_token',
      error_description: expect.stringContaining('Connect with OAuth 2.1 instead'),
    });
  });
});
