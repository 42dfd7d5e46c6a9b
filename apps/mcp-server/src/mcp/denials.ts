/**
 * From a policy refusal to what the caller sees. One exhaustive `switch`: a new denial reason in
 * `@gatehouse/policy` does not compile here until it has a wire form.
 *
 * | reason                    | wire form                                                  |
 * | ------------------------- | ---------------------------------------------------------- |
 * | `unknown_tool`            | JSON-RPC error -32602 (the MCP spec's "unknown tool")       |
 * | `api_token_auth_disabled` | HTTP 401, telling the caller to use OAuth 2.1               |
 * | `auth_method_not_allowed` | tool error (`isError: true`): no new token can cure it here |
 * | `disabled_by_admin`       | tool error: the org switched the tool's group off           |
 * | `missing_scopes`, OAuth   | HTTP 403 `insufficient_scope` with the scopes to ask for    |
 * | `missing_scopes`, API token | tool error: a token's scopes are fixed at creation, so a  |
 * |                           | step-up challenge is one its caller can never act on        |
 */
import {
  type AuthMethod,
  assertNever,
  type Credential,
  challengeScopes,
  PRODUCT_DISPLAY_NAMES,
  type ToolCallDenial,
} from '@gatehouse/policy';
import { API_TOKENS_DISABLED_DESCRIPTION } from '../auth/auth-errors.js';
import { recordableToolName } from './tool-name.js';

/** How a refusal reaches the caller. */
export type DenialWire =
  | { kind: 'unauthorized'; description: string }
  | { kind: 'insufficient_scope'; scopes: string[]; description: string }
  | { kind: 'tool_error'; message: string }
  | { kind: 'protocol_error'; message: string };

const AUTH_METHOD_NAMES: Readonly<Record<AuthMethod, string>> = {
  oauth: 'an OAuth 2.1 connection',
  api_token: 'an API token',
};

function describeAuthMethods(methods: readonly AuthMethod[]): string {
  return methods.map((method) => AUTH_METHOD_NAMES[method]).join(' or ');
}

/**
 * An API token lacking scopes: no authorization flow can add them, so the caller is told which
 * ones are missing and to create a token that has them.
 */
function apiTokenMissingScopes(tool: string, missing: readonly string[]): DenialWire {
  const list = missing.join(' ');
  return {
    kind: 'tool_error',
    message:
      `${tool} needs scopes this API token does not have: ${list}. ` +
      "An API token's scopes are fixed when it is created: create a token with these scopes " +
      'on your account page and use it instead.',
  };
}

/** The wire form of a refusal for `credential` (its auth method and granted scopes). */
export function describeDenial(denial: ToolCallDenial, credential: Credential): DenialWire {
  switch (denial.reason) {
    case 'unknown_tool':
      return {
        kind: 'protocol_error',
        message: `Unknown tool: ${recordableToolName(denial.toolName)}`,
      };
    case 'api_token_auth_disabled':
      return { kind: 'unauthorized', description: API_TOKENS_DISABLED_DESCRIPTION };
    case 'auth_method_not_allowed':
      return {
        kind: 'tool_error',
        message:
          `${denial.tool.name} works only with ${describeAuthMethods(denial.allowedAuthMethods)}; ` +
          `this request uses ${AUTH_METHOD_NAMES[denial.authMethod]}.`,
      };
    case 'disabled_by_admin':
      return {
        kind: 'tool_error',
        message:
          `${denial.tool.name} is turned off by your organization's admin ` +
          `(${PRODUCT_DISPLAY_NAMES[denial.product]} ${denial.group} tools).`,
      };
    case 'missing_scopes': {
      if (credential.authMethod === 'api_token') {
        return apiTokenMissingScopes(denial.tool.name, denial.missingScopes);
      }
      const missing = denial.missingScopes.join(' ');
      return {
        kind: 'insufficient_scope',
        scopes: challengeScopes({ tool: denial.tool, grantedScopes: credential.scopes }),
        description: `${denial.tool.name} needs more access than this token has: ${missing}.`,
      };
    }
    default:
      return assertNever(denial);
  }
}
