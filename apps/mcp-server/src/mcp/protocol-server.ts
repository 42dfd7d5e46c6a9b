/**
 * One MCP protocol server per request (stateless: nothing outlives the request), answering
 * `initialize`, `ping`, `tools/list` and `tools/call` for the request's caller.
 *
 * This uses the SDK's low-level `Server` rather than `McpServer`: the tool list depends on the
 * caller (listing mode, auth method, scopes) and every refusal needs its own wire form, which
 * `McpServer`'s register/enable model and its generic "tool not found / disabled" errors would
 * fight. The SDK marks `Server` for exactly such advanced use. Schemas are built once at startup
 * (`tool-listing.ts`), so building a server per request is cheap.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { callTool, type ToolCallScope } from './call-tool.js';
import { listToolsFor } from './tool-listing.js';

/** What clients are told about this server in `initialize`. */
export const SERVER_INFO = {
  name: 'gatehouse-mcp',
  title: 'Gatehouse work tools',
  version: '0.1.0',
} as const;

const INSTRUCTIONS =
  'Work tools for Jira, Confluence, service desk, Bitbucket and Compass. Every answer holds only ' +
  'what the signed-in user may see, and writes succeed only where that user may write. Use ' +
  'search and fetch for quick lookups across Jira and Confluence, the product tools for the rest.';

/** Builds the protocol server for one request's caller. */
export function createProtocolServer(scope: ToolCallScope): Server {
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: { listChanged: false } },
    instructions: INSTRUCTIONS,
  });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: listToolsFor(scope.principal, scope.settings()),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) =>
    callTool(request.params, scope),
  );
  return server;
}
