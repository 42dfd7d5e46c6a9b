/**
 * Refusals that must be HTTP answers, decided before the MCP SDK writes a JSON-RPC response:
 * a `tools/call` that needs scopes an OAuth token lacks gets 403 `insufficient_scope` (the client
 * steps up and retries; an API token cannot, so it gets a tool error from the handler), and one made with an API token while the org has API tokens off gets
 * 401 (for `Basic`, a scheme not taken now: no error in the challenge, RFC 6750 §3.1). Every
 * other decision is left to the `tools/call` handler, which decides again.
 */
import { decideToolCall, type OrgSettings } from '@gatehouse/policy';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import {
  type ChallengeSettings,
  insufficientScopeError,
  unauthorizedError,
  unsupportedSchemeError,
} from '../auth/auth-errors.js';
import type { Principal } from '../auth/authenticate.js';
import { describeDenial } from './denials.js';
import type { ToolCallAudit } from './tool-audit.js';

/** The tool names of every `tools/call` request among `messages`. */
export function toolCallNames(messages: readonly JSONRPCMessage[]): string[] {
  return messages.flatMap((message) => {
    if (!('method' in message) || message.method !== 'tools/call' || !('id' in message)) return [];
    const name = (message.params as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? [name] : [];
  });
}

/** Throws the HTTP refusal for the first `tools/call` that needs one, after auditing it. */
export async function gateToolCalls(
  messages: readonly JSONRPCMessage[],
  scope: {
    principal: Principal;
    /** The scheme the credential came in. */
    scheme: 'basic' | 'bearer';
    settings: () => OrgSettings;
    challenges: ChallengeSettings;
    audit: ToolCallAudit;
    ip: string;
  },
): Promise<void> {
  const { principal } = scope;
  const credential = { authMethod: principal.authMethod, scopes: principal.scopes };
  for (const toolName of toolCallNames(messages)) {
    const decision = decideToolCall({ toolName, credential, settings: scope.settings() });
    if (decision.allowed) continue;
    const wire = describeDenial(decision, credential);
    if (wire.kind !== 'unauthorized' && wire.kind !== 'insufficient_scope') continue;
    await scope.audit({
      tool: toolName,
      outcome: 'denied',
      reason: decision.reason,
      principal,
      ip: scope.ip,
      ms: 0,
    });
    if (wire.kind === 'insufficient_scope') {
      throw insufficientScopeError(scope.challenges, wire.scopes, wire.description);
    }
    throw scope.scheme === 'basic'
      ? unsupportedSchemeError(scope.challenges, wire.description)
      : unauthorizedError(scope.challenges, wire.description);
  }
}
