/**
 * Tool decisions for the MCP server: may this credential call this tool, and which tools does it
 * see in `tools/list`. Both use the same checks, so a listed tool is never refused for a reason
 * the listing already knew.
 */
import type { AuthMethod, PermissionGroup, Product } from './products.js';
import type { ResourceScopeId } from './scopes.js';
import { isGroupEnabled, type OrgSettings } from './settings.js';
import type { ToolDefinition } from './tools/tool-definition.js';
import { getTool, getToolSwitches, TOOLS, type ToolName } from './tools.js';

/** The credential behind a request, as introspection describes it. */
export interface Credential {
  authMethod: AuthMethod;
  /** Granted scopes (introspection's `scope`, split). Unknown ones are ignored. */
  scopes: readonly string[];
}

type Tool = ToolDefinition<ToolName>;

/** Why a tool call is refused; one variant per reason, so `switch (reason)` can be exhaustive. */
export type ToolCallDenial =
  | { allowed: false; reason: 'unknown_tool'; toolName: string }
  | { allowed: false; reason: 'api_token_auth_disabled'; tool: Tool }
  | {
      allowed: false;
      reason: 'auth_method_not_allowed';
      tool: Tool;
      authMethod: AuthMethod;
      allowedAuthMethods: readonly AuthMethod[];
    }
  | {
      allowed: false;
      reason: 'disabled_by_admin';
      tool: Tool;
      /** The first switch found off, among the tool's own and those of the scopes it needs. */
      product: Product;
      group: PermissionGroup;
    }
  | {
      allowed: false;
      reason: 'missing_scopes';
      tool: Tool;
      /** Required scopes the credential lacks, in the tool's order. */
      missingScopes: ResourceScopeId[];
      requiredScopes: readonly ResourceScopeId[];
    };

/** Every reason a tool call can be refused. */
export type ToolCallDenialReason = ToolCallDenial['reason'];

/** The outcome of `decideToolCall`. */
export type ToolCallDecision = { allowed: true; tool: Tool } | ToolCallDenial;

/** Input of `decideToolCall`. */
export interface ToolCallRequest {
  toolName: string;
  credential: Credential;
  settings: OrgSettings;
}

/**
 * May `credential` call `toolName` under `settings`? Checks run from the most fundamental
 * refusal to the most specific, and the first that fails is the answer:
 * 1. `unknown_tool`: there is nothing to decide about.
 * 2. `api_token_auth_disabled`: the org refuses the credential itself, whatever the tool.
 * 3. `auth_method_not_allowed`: this kind of credential can never use this tool set.
 * 4. `disabled_by_admin`: the org has switched the tool's group off for everyone.
 * 5. `missing_scopes`: last, because it is the only refusal the user can cure (by consenting to
 *    more scopes). Answering it earlier would send a client through a step-up that still ends
 *    in a refusal.
 * Never throws.
 */
export function decideToolCall(request: ToolCallRequest): ToolCallDecision {
  const tool = getTool(request.toolName);
  if (tool === undefined) {
    return { allowed: false, reason: 'unknown_tool', toolName: request.toolName };
  }
  return decideForTool(tool, request.credential, request.settings);
}

/** Input of `listTools`. */
export interface ToolListingRequest {
  credential: Credential;
  settings: OrgSettings;
}

/**
 * The tools to show in `tools/list`, in catalogue order: those the credential may call, plus,
 * when `settings.toolListingMode` is `grantable` and the credential is OAuth, those it lacks only
 * scopes for (a call then answers with a step-up challenge). API tokens cannot step up, so they
 * always see only what they were granted. Tools of another auth method, tools switched off by the
 * admin and, while API-token auth is off, everything for an API token, are never listed.
 */
export function listTools(request: ToolListingRequest): Tool[] {
  const { credential, settings } = request;
  const canStepUp = settings.toolListingMode === 'grantable' && credential.authMethod === 'oauth';
  return TOOLS.filter((tool) => {
    const decision = decideForTool(tool, credential, settings);
    return decision.allowed || (canStepUp && decision.reason === 'missing_scopes');
  });
}

function decideForTool(
  tool: Tool,
  credential: Credential,
  settings: OrgSettings,
): ToolCallDecision {
  const { authMethod } = credential;
  if (authMethod === 'api_token' && !settings.apiTokenAuthEnabled) {
    return { allowed: false, reason: 'api_token_auth_disabled', tool };
  }
  if (!tool.authMethods.includes(authMethod)) {
    const allowedAuthMethods = tool.authMethods;
    return {
      allowed: false,
      reason: 'auth_method_not_allowed',
      tool,
      authMethod,
      allowedAuthMethods,
    };
  }
  const off = getToolSwitches(tool).find((s) => !isGroupEnabled(settings, s.product, s.group));
  if (off !== undefined) {
    return { allowed: false, reason: 'disabled_by_admin', tool, ...off };
  }
  const granted = new Set(credential.scopes);
  const missingScopes = tool.requiredScopes.filter((scope) => !granted.has(scope));
  if (missingScopes.length > 0) {
    const { requiredScopes } = tool;
    return { allowed: false, reason: 'missing_scopes', tool, missingScopes, requiredScopes };
  }
  return { allowed: true, tool };
}
