/**
 * Stack: the authorization server and the MCP server in-process on ephemeral ports over one
 * seeded SQLite store (temp dir), the MCP server trusting one proxy hop so that each test can
 * speak from its own client address (`X-Forwarded-For`), as people behind a shared NAT do, and
 * allowing only `BEARER_FAILURES_PER_IP` failed bearer tokens per address. An API token is
 * created on the account pages and the org switch flipped in the admin console; an OAuth access
 * token comes from login and consent.
 */
import { randomBytes } from 'node:crypto';
import { formatApiToken } from '@gatehouse/policy';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createApiTokenViaAccount,
  setApiTokenAuth,
  signInToAccount,
} from '../support/account-pages.js';
import { authorize, exchangeCode, registerClient } from '../support/oauth-flow.js';
import {
  DEMO_PASSWORD,
  openTestStore,
  startStack,
  type TestStack,
  type TestStore,
  testMcpConfig,
} from '../support/stack.js';

/** The MCP server's default: 30 failed API-token attempts per address in 5 minutes. */
const API_TOKEN_FAILURES_PER_IP = 30;
/** Set low here (`MCP_BEARER_FAILURES_PER_IP`, 60 by default) to keep the test short. */
const BEARER_FAILURES_PER_IP = 5;

let testStore: TestStore;
let stack: TestStack;
let aliceToken: string;
let bobAccessToken: string;

const basic = (email: string, token: string) =>
  `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

/** One `tools/list` from `address` (the client address the proxy reports). */
function post(authorization: string, address: string) {
  return fetch(stack.mcpUrl, {
    method: 'POST',
    headers: {
      authorization,
      'x-forwarded-for': address,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
  });
}

/** `count` failed attempts from `address`, each with a new well-formed unknown token. */
async function failFrom(address: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < count; attempt += 1) {
    statuses.push((await post(`Bearer ${formatApiToken(randomBytes(32))}`, address)).status);
  }
  return statuses;
}

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
  const failureLimits = { ...testMcpConfig().failureLimits, bearerPerIp: BEARER_FAILURES_PER_IP };
  stack = await startStack(testStore.store, { mcpConfig: { trustProxy: true, failureLimits } });
  const issuer = stack.as.url;
  const client = await registerClient(issuer);
  const bob = { email: 'bob@example.com', password: DEMO_PASSWORD };
  const scope = 'read:me read:jira-work';
  const outcome = await authorize({ issuer, client, scope, resource: stack.mcpUrl, user: bob });
  bobAccessToken = (await exchangeCode(issuer, client, outcome)).access_token;
  const alice = await signInToAccount(issuer, {
    email: 'alice@example.com',
    password: DEMO_PASSWORD,
  });
  aliceToken = await createApiTokenViaAccount(alice, issuer, {
    name: 'alice bot',
    scopes: ['read:me', 'read:jira-work'],
  });
  await setApiTokenAuth(alice, issuer, true);
  await vi.waitFor(async () => {
    const challenge = (await post('', '198.51.100.1')).headers.get('www-authenticate') ?? '';
    expect(challenge).toContain('Basic realm=');
  });
});

afterAll(async () => {
  await stack?.close();
  await testStore?.dispose();
});

describe('failed API-token attempts from one address (a shared NAT)', () => {
  const nat = '203.0.113.7';

  it('answer 401 up to the limit, then 429 with Retry-After for each further failure', async () => {
    const statuses = await failFrom(nat, API_TOKEN_FAILURES_PER_IP + 2);
    expect(statuses.slice(0, API_TOKEN_FAILURES_PER_IP).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(API_TOKEN_FAILURES_PER_IP)).toEqual([429, 429]);
    const throttled = await post(`Bearer ${formatApiToken(randomBytes(32))}`, nat);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await throttled.json()).toMatchObject({ error: 'too_many_requests' });
  });

  it('never shut out a working token behind the same address, cached or not', async () => {
    expect(stack.mcp.introspectionCache.peekActive(aliceToken)).toBe(false);
    expect((await post(`Bearer ${aliceToken}`, nat)).status).toBe(200);
    expect((await post(basic('alice@example.com', aliceToken), nat)).status).toBe(200);
  });

  it('do not count, or throttle, a real token refused for another reason', async () => {
    const response = await post(basic('bob@example.com', aliceToken), nat);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error_description: 'The email does not match the API token.',
    });
  });

  it('leave other addresses alone', async () => {
    expect(await failFrom('203.0.113.8', 1)).toEqual([401]);
  });
});

describe('failed bearer tokens from one address', () => {
  const nat = '203.0.113.20';

  it('answer 401 up to their own limit, then 429 for each further failure', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < BEARER_FAILURES_PER_IP + 2; attempt += 1) {
      statuses.push((await post(`Bearer ${randomBytes(32).toString('base64url')}`, nat)).status);
    }
    expect(statuses).toEqual([...Array(BEARER_FAILURES_PER_IP).fill(401), 429, 429]);
  });

  it('count JWT-shaped tokens too, though they never reach the authorization server', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl';
    expect((await post(`Bearer ${jwt}`, nat)).status).toBe(429);
  });

  it('never shut out a working OAuth token behind the same address', async () => {
    expect(stack.mcp.introspectionCache.peekActive(bobAccessToken)).toBe(false);
    expect((await post(`Bearer ${bobAccessToken}`, nat)).status).toBe(200);
  });

  it('do not count requests without a token (the start of every OAuth flow)', async () => {
    for (let attempt = 0; attempt < BEARER_FAILURES_PER_IP + 1; attempt += 1) {
      expect((await post('', '203.0.113.21')).status).toBe(401);
    }
  });
});
