/**
 * `tools/call`: decide again (the listing may be stale), run the workspace operation of the same
 * name as the caller, and answer structured content plus the same as readable text. A missing
 * item, a denied permission or bad input is a tool error the model can read and act on, not a
 * protocol error; an unknown tool is a protocol error, as the MCP spec asks.
 */
import { decideToolCall, type OrgSettings, type ToolName } from '@gatehouse/policy';
import { type Workspace, WorkspaceError } from '@gatehouse/workspace';
import { type CallToolResult, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import type { Principal } from '../auth/authenticate.js';
import { describeDenial } from './denials.js';
import type { ToolCallAudit, ToolCallRecord } from './tool-audit.js';
import { SERVER_ARGUMENTS } from './tool-listing.js';

/** Everything one request's tool calls need. */
export interface ToolCallScope {
  principal: Principal;
  settings: () => OrgSettings;
  workspace: Workspace;
  audit: ToolCallAudit;
  ip: string;
  logger: Logger;
}

/** A successful result: the value as `structuredContent` (an object) and as pretty JSON text. */
export function toolResult(value: unknown): CallToolResult {
  const structured =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { items: value };
  return {
    content: [{ type: 'text', text: JSON.stringify(structured, null, 2) }],
    structuredContent: structured,
  };
}

/** A tool error: `isError: true` and a message written for the user and the model. */
export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** The operation's input: the client's arguments, with server-filled ones replaced. */
function inputFor(name: ToolName, args: Record<string, unknown>, principal: Principal): object {
  const server = SERVER_ARGUMENTS[name];
  if (server === undefined) return args;
  const own = Object.fromEntries(Object.entries(args).filter(([k]) => !server.names.includes(k)));
  return { ...own, ...server.fill(principal) };
}

async function runOperation(name: ToolName, input: object, scope: ToolCallScope) {
  const operation = scope.workspace[name] as (actor: Principal['actor'], i: object) => unknown;
  return operation(scope.principal.actor, input);
}

function outcomeOfError(error: unknown, logger: Logger, tool: string) {
  if (error instanceof WorkspaceError) {
    const outcome = error.code === 'forbidden' ? ('denied' as const) : ('failure' as const);
    return { outcome, reason: error.code, result: toolError(error.message) };
  }
  logger.error({ err: error, tool }, 'tool failed unexpectedly');
  const message = `${tool} failed unexpectedly. Try again in a moment.`;
  return { outcome: 'failure' as const, reason: 'internal_error', result: toolError(message) };
}

/** Runs one `tools/call` for the scope's caller; audits and logs it whatever happens. */
export async function callTool(
  params: { name: string; arguments?: Record<string, unknown> | undefined },
  scope: ToolCallScope,
): Promise<CallToolResult> {
  const started = performance.now();
  const { principal } = scope;
  const record = (fields: Pick<ToolCallRecord, 'outcome' | 'reason'>) =>
    scope.audit({
      ...fields,
      tool: params.name,
      principal,
      ip: scope.ip,
      ms: Math.round(performance.now() - started),
    });
  const credential = { authMethod: principal.authMethod, scopes: principal.scopes };
  const decision = decideToolCall({
    toolName: params.name,
    credential,
    settings: scope.settings(),
  });
  if (!decision.allowed) {
    await record({ outcome: 'denied', reason: decision.reason });
    const wire = describeDenial(decision, credential);
    if (wire.kind === 'protocol_error') throw new McpError(ErrorCode.InvalidParams, wire.message);
    return toolError(wire.kind === 'tool_error' ? wire.message : wire.description);
  }
  const name = decision.tool.name;
  try {
    const value = await runOperation(
      name,
      inputFor(name, params.arguments ?? {}, principal),
      scope,
    );
    await record({ outcome: 'success' });
    return toolResult(value);
  } catch (error) {
    const { outcome, reason, result } = outcomeOfError(error, scope.logger, name);
    await record({ outcome, reason });
    return result;
  }
}
