/**
 * The real MCP SDK client (`Client` + `StreamableHTTPClientTransport`) wired to a
 * `TestOAuthProvider`, with the one thing an interactive client does outside the SDK: when the
 * SDK has sent the user to authorize, bring the code back (`finishAuth`) and try again.
 */

import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { TestOAuthProvider } from './mcp-oauth-provider.js';

/** A connected client and its transport. */
export interface McpConnection {
  client: Client;
  transport: StreamableHTTPClientTransport;
}

/**
 * The fetch the client uses, with one adjustment of a careful real client: a
 * `403 insufficient_scope` marks a step-up as pending on the provider (see `stepUpPending`).
 * Registration goes through exactly as the SDK sends it (with `scope`).
 */
export function clientFetch(provider: TestOAuthProvider): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const challenge = response.headers.get('www-authenticate') ?? '';
    if (response.status === 403 && challenge.includes('insufficient_scope')) {
      provider.stepUpPending();
    }
    return response;
  };
}

export function createTransport(url: string, provider: TestOAuthProvider) {
  return new StreamableHTTPClientTransport(new URL(url), {
    authProvider: provider,
    fetch: clientFetch(provider),
  });
}

function newClient(): Client {
  return new Client({ name: 'gatehouse-e2e', version: '1.0.0' });
}

/**
 * Connects, going through authorization when the server answers 401: the SDK discovers,
 * registers and sends the "browser" to authorize; this brings the code back and connects anew.
 */
export async function connectWithOAuth(
  url: string,
  provider: TestOAuthProvider,
): Promise<McpConnection> {
  const transport = createTransport(url, provider);
  const client = newClient();
  try {
    await client.connect(transport);
    return { client, transport };
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    await transport.finishAuth(provider.takeCode());
    await client.close();
  }
  const retried = createTransport(url, provider);
  const connected = newClient();
  await connected.connect(retried);
  return { client: connected, transport: retried };
}

/** Runs `call`; if the SDK had to send the user to authorize (step-up), finishes and retries once. */
export async function withAuthorization<T>(
  connection: McpConnection,
  provider: TestOAuthProvider,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    await connection.transport.finishAuth(provider.takeCode());
    return call();
  }
}
