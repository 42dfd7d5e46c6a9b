/**
 * Stack: the authorization server and the MCP server in-process on ephemeral ports over one
 * fresh seeded store: once on SQLite (temp dir), once on Redis (random key prefix) when Redis
 * answers. The client is the real MCP SDK client (`Client` + `StreamableHTTPClientTransport`)
 * with an `OAuthClientProvider` that answers login and consent over HTTP.
 */
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectWithOAuth, type McpConnection, withAuthorization } from '../support/mcp-client.js';
import { TestOAuthProvider } from '../support/mcp-oauth-provider.js';
import { AS_PATHS } from '../support/oauth-flow.js';
import {
  type Backend,
  DEMO_PASSWORD,
  isRedisAvailable,
  openTestStore,
  startStack,
  type TestStack,
  type TestStore,
} from '../support/stack.js';

const backends: Backend[] = ['sqlite', ...((await isRedisAvailable()) ? (['redis'] as const) : [])];
const BASIC_SCOPES = 'read:me read:jira-work read:confluence-content read:compass';

function text(result: unknown): string {
  const [first] = ((result as CallToolResult).content ?? []) as Array<{ text?: string }>;
  return first?.text ?? '';
}

describe.each(backends)('the real MCP client against both servers on %s', (backend) => {
  let testStore: TestStore;
  let stack: TestStack;
  let provider: TestOAuthProvider;
  let connection: McpConnection;

  beforeAll(async () => {
    testStore = await openTestStore(backend);
    stack = await startStack(testStore.store);
    provider = new TestOAuthProvider({
      user: { email: 'alice@example.com', password: DEMO_PASSWORD },
    });
  });

  afterAll(async () => {
    await connection?.client.close();
    await stack?.close();
    await testStore?.dispose();
  });

  it('401 → discovery → registration → authorize → token, then initializes', async () => {
    const unauthenticated = await fetch(stack.mcpUrl, { method: 'POST' });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toContain('resource_metadata=');

    connection = await connectWithOAuth(stack.mcpUrl, provider);
    expect(provider.clientInformation()?.client_id).toBeTruthy();
    expect(provider.trips).toEqual([{ scope: BASIC_SCOPES, pages: ['login', 'consent'] }]);
    expect(provider.current()).toMatchObject({ token_type: 'Bearer', scope: BASIC_SCOPES });
    expect(provider.current()?.refresh_token).toBeTruthy();
    expect(connection.client.getServerVersion()).toMatchObject({ name: 'gatehouse-mcp' });
  });

  it('lists the tools the granted scopes allow', async () => {
    const { tools } = await connection.client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual(
      expect.arrayContaining(['atlassianUserInfo', 'getJiraIssue', 'getCompassComponent']),
    );
    expect(names).not.toContain('createJiraIssue'); // needs write:jira-work: step-up
    expect(names).not.toContain('listServiceDeskRequests'); // API tokens only
    const getIssue = tools.find((tool) => tool.name === 'getJiraIssue');
    expect(getIssue).toMatchObject({
      title: 'Get Jira issue',
      annotations: { readOnlyHint: true, destructiveHint: false },
      inputSchema: { type: 'object', required: ['issueIdOrKey'] },
    });
  });

  it('calls a read tool', async () => {
    const result = await connection.client.callTool({
      name: 'getJiraIssue',
      arguments: { issueIdOrKey: 'OPS-1' },
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ key: 'OPS-1' });
    expect(JSON.parse(text(result))).toEqual(result.structuredContent);
  });

  it('steps up on 403 insufficient_scope to call a write tool', async () => {
    const result = await withAuthorization(connection, provider, () =>
      connection.client.callTool({
        name: 'addCommentToJiraIssue',
        arguments: { issueIdOrKey: 'OPS-1', commentBody: 'Checked by the e2e suite.' },
      }),
    );
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ body: 'Checked by the e2e suite.' });
    // The challenge asked for the tool's scope plus those already granted; the user saw consent only.
    expect(provider.trips[1]).toEqual({
      scope: 'read:me read:jira-work write:jira-work read:confluence-content read:compass',
      pages: ['consent'],
    });
    expect(provider.current()?.scope).toContain('write:jira-work');
  });

  it('refreshes when the access token is no longer accepted', async () => {
    const before = provider.current();
    provider.replaceAccessToken('an-access-token-that-expired');
    const result = await connection.client.callTool({ name: 'atlassianUserInfo', arguments: {} });
    expect(result.structuredContent).toMatchObject({ email: 'alice@example.com' });
    const after = provider.current();
    expect(after?.access_token).not.toBe('an-access-token-that-expired');
    expect(after?.refresh_token).not.toBe(before?.refresh_token); // rotated
    expect(provider.trips).toHaveLength(2); // no new trip to the authorization server's pages
  });

  it('answers 401 once the grant is revoked, within a second', async () => {
    const tokens = provider.current();
    expect(stack.mcp.introspectionCache.size()).toBeGreaterThan(0); // the token's answer is cached
    const revoke = await fetch(new URL(AS_PATHS.revoke, stack.as.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: tokens?.refresh_token ?? '',
        client_id: provider.clientInformation()?.client_id ?? '',
      }),
    });
    expect(revoke.status).toBe(200);
    const revokedAt = Date.now();
    await vi.waitFor(
      async () => {
        const response = await fetch(stack.mcpUrl, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${tokens?.access_token}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
        expect(response.status).toBe(401);
      },
      { timeout: 2_000, interval: 50 },
    );
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
    // The SDK client gets the same 401; its refresh token is dead too, so it must sign in again.
    await expect(
      connection.client.callTool({ name: 'atlassianUserInfo', arguments: {} }),
    ).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('audited every tool call, allowed or refused', async () => {
    const { events } = await testStore.store.audit.query({ orgId: 'demo', action: 'tool.call' });
    const calls = events
      .reverse()
      .map((event) => [event.details.tool, event.outcome, event.details.reason ?? null]);
    expect(calls).toEqual([
      ['getJiraIssue', 'success', null],
      ['addCommentToJiraIssue', 'denied', 'missing_scopes'],
      ['addCommentToJiraIssue', 'success', null],
      ['atlassianUserInfo', 'success', null],
    ]);
    expect(events[0]).toMatchObject({
      actor: 'user-alice',
      clientId: provider.clientInformation()?.client_id,
      details: { authMethod: 'oauth' },
    });
  });
});
