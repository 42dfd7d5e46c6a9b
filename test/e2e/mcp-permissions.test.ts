/**
 * Stack: the authorization server and the MCP server in-process on ephemeral ports over one
 * seeded SQLite store (temp dir). Each demo user signs in through login and consent; the real
 * MCP SDK client then calls the same tools as alice, bob and carol.
 */

import type { DemoPersona } from '@gatehouse/workspace';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, exchangeCode, registerClient } from '../support/oauth-flow.js';
import {
  DEMO_PASSWORD,
  openTestStore,
  startStack,
  type TestStack,
  type TestStore,
} from '../support/stack.js';

const SCOPES = 'read:me read:jira-work write:jira-work search:jira read:confluence-content';
const PERSONAS: DemoPersona[] = ['alice', 'bob', 'carol'];

let testStore: TestStore;
let stack: TestStack;
const clients = new Map<DemoPersona, Client>();

/** Signs `persona` in through login and consent, and connects the SDK client with the token. */
async function connectAs(persona: DemoPersona): Promise<Client> {
  const issuer = stack.as.url;
  const client = await registerClient(issuer);
  const user = { email: `${persona}@example.com`, password: DEMO_PASSWORD };
  const outcome = await authorize({ issuer, client, scope: SCOPES, resource: stack.mcpUrl, user });
  const tokens = await exchangeCode(issuer, client, outcome);
  const transport = new StreamableHTTPClientTransport(new URL(stack.mcpUrl), {
    requestInit: { headers: { authorization: `Bearer ${tokens.access_token}` } },
  });
  const mcp = new Client({ name: `e2e-${persona}`, version: '1.0.0' });
  await mcp.connect(transport);
  return mcp;
}

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
  stack = await startStack(testStore.store);
  for (const persona of PERSONAS) clients.set(persona, await connectAs(persona));
});

afterAll(async () => {
  for (const client of clients.values()) await client.close();
  await stack?.close();
  await testStore?.dispose();
});

async function call(persona: DemoPersona, name: string, args: Record<string, unknown> = {}) {
  const client = clients.get(persona);
  if (client === undefined) throw new Error(`${persona} is not connected`);
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const [first] = result.content as Array<{ text?: string }>;
  return { ...result, text: first?.text ?? '' };
}

const keys = (items: unknown) => (items as Array<{ key: string }>).map((item) => item.key).sort();

describe('the same tool call, as each user', () => {
  it.each<[DemoPersona, string[]]>([
    ['alice', ['FIN', 'OPS', 'WEB']],
    ['bob', ['FIN', 'OPS', 'WEB']],
    ['carol', ['OPS', 'WEB']],
  ])('getVisibleJiraProjects as %s → %j', async (persona, expected) => {
    const result = await call(persona, 'getVisibleJiraProjects');
    expect(keys((result.structuredContent as { items: unknown }).items)).toEqual(expected);
  });

  it.each<[DemoPersona, number]>([
    ['alice', 42],
    ['bob', 42],
    ['carol', 34],
  ])('searchJiraIssuesUsingJql as %s counts %i visible issues', async (persona, total) => {
    const result = await call(persona, 'searchJiraIssuesUsingJql', { jql: '', maxResults: 1 });
    expect(result.structuredContent).toMatchObject({ total });
  });

  it.each<[DemoPersona, string[]]>([
    ['alice', ['ENG', 'FIN', 'TEAM']],
    ['bob', ['ENG', 'FIN', 'TEAM']],
    ['carol', ['ENG', 'TEAM']],
  ])('getConfluenceSpaces as %s → %j', async (persona, expected) => {
    const result = await call(persona, 'getConfluenceSpaces');
    expect(keys((result.structuredContent as { items: unknown }).items)).toEqual(expected);
  });

  it.each<[DemoPersona, boolean]>([
    ['alice', true],
    ['bob', true],
    ['carol', false],
  ])('getJiraIssue FIN-2 as %s: visible %s', async (persona, visible) => {
    const result = await call(persona, 'getJiraIssue', { issueIdOrKey: 'FIN-2' });
    if (visible) {
      expect(result.structuredContent).toMatchObject({ key: 'FIN-2' });
    } else {
      expect(result.isError).toBe(true);
      expect(result.text).toBe('Issue FIN-2 was not found.'); // the same words as for a missing issue
    }
  });
});

describe('writes follow the user’s own permissions', () => {
  it('lets alice comment on a finance issue', async () => {
    const result = await call('alice', 'addCommentToJiraIssue', {
      issueIdOrKey: 'FIN-2',
      commentBody: 'Approved.',
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      body: 'Approved.',
      author: { accountId: 'user-alice' },
    });
  });

  it('refuses bob, who may only browse FIN, with a clear tool error', async () => {
    const result = await call('bob', 'addCommentToJiraIssue', {
      issueIdOrKey: 'FIN-2',
      commentBody: 'Me too.',
    });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(result.text).toMatch(/^You need the "create" permission in project FIN to /);
    const { events } = await testStore.store.audit.query({
      orgId: 'demo',
      action: 'tool.call',
      actor: 'user-bob',
      limit: 1,
    });
    expect(events[0]).toMatchObject({
      outcome: 'denied',
      details: { tool: 'addCommentToJiraIssue', reason: 'forbidden' },
    });
  });
});
