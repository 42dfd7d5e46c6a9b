import {
  type Credential,
  decideToolCall,
  parseOrgSettings,
  type ToolCallDenialReason,
} from '@gatehouse/policy';
import { describe, expect, it } from 'vitest';
import { API_TOKENS_DISABLED_DESCRIPTION } from '../auth/auth-errors.js';
import { type DenialWire, describeDenial } from './denials.js';

function settings(input: Record<string, unknown>) {
  const parsed = parseOrgSettings(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.settings;
}

interface Case {
  toolName: string;
  credential: Credential;
  settings: Record<string, unknown>;
  wire: DenialWire;
}

/** One case per reason; keyed by reason, so a new reason does not compile until it is here. */
const CASES: Record<ToolCallDenialReason, Case> = {
  unknown_tool: {
    toolName: 'deleteEverything',
    credential: { authMethod: 'oauth', scopes: ['read:me'] },
    settings: {},
    wire: { kind: 'protocol_error', message: 'Unknown tool: deleteEverything' },
  },
  api_token_auth_disabled: {
    toolName: 'getJiraIssue',
    credential: { authMethod: 'api_token', scopes: ['read:jira-work'] },
    settings: {},
    wire: { kind: 'unauthorized', description: API_TOKENS_DISABLED_DESCRIPTION },
  },
  auth_method_not_allowed: {
    toolName: 'listServiceDeskRequests',
    credential: { authMethod: 'oauth', scopes: ['read:jsm'] },
    settings: {},
    wire: {
      kind: 'tool_error',
      message:
        'listServiceDeskRequests works only with an API token; this request uses an OAuth 2.1 connection.',
    },
  },
  disabled_by_admin: {
    toolName: 'createJiraIssue',
    credential: { authMethod: 'oauth', scopes: ['write:jira-work'] },
    settings: { permissionGroups: { jira: { write: false } } },
    wire: {
      kind: 'tool_error',
      message: "createJiraIssue is turned off by your organization's admin (Jira write tools).",
    },
  },
  missing_scopes: {
    toolName: 'createJiraIssue',
    credential: { authMethod: 'oauth', scopes: ['read:me', 'read:jira-work', 'offline_access'] },
    settings: {},
    wire: {
      kind: 'insufficient_scope',
      scopes: ['read:me', 'read:jira-work', 'write:jira-work'],
      description: 'createJiraIssue needs more access than this token has: write:jira-work.',
    },
  },
};

describe('describeDenial', () => {
  it.each(Object.entries(CASES))('%s', (reason, c) => {
    const decision = decideToolCall({
      toolName: c.toolName,
      credential: c.credential,
      settings: settings(c.settings),
    });
    expect(decision).toMatchObject({ allowed: false, reason });
    if (decision.allowed) return;
    expect(describeDenial(decision, c.credential)).toEqual(c.wire);
  });

  it('names an over-long unknown tool by its first 128 characters only', () => {
    const decision = decideToolCall({
      toolName: 'q'.repeat(10_000),
      credential: { authMethod: 'oauth', scopes: [] },
      settings: settings({}),
    });
    if (decision.allowed) throw new Error('expected a refusal');
    expect(describeDenial(decision, { authMethod: 'oauth', scopes: [] })).toEqual({
      kind: 'protocol_error',
      message: `Unknown tool: ${'q'.repeat(128)}… [truncated, 10000 characters]`,
    });
  });

  it('tells an API token which auth method an OAuth-only tool needs', () => {
    const decision = decideToolCall({
      toolName: 'getCompassComponent',
      credential: { authMethod: 'api_token', scopes: ['read:compass'] },
      settings: settings({ apiTokenAuthEnabled: true }),
    });
    if (decision.allowed) throw new Error('expected a refusal');
    expect(describeDenial(decision, { authMethod: 'api_token', scopes: ['read:compass'] })).toEqual(
      {
        kind: 'tool_error',
        message:
          'getCompassComponent works only with an OAuth 2.1 connection; this request uses an API token.',
      },
    );
  });

  it('tells an API token lacking scopes to create one with them, instead of a step-up it cannot take', () => {
    const credential: Credential = { authMethod: 'api_token', scopes: ['read:me', 'read:jsm'] };
    const decision = decideToolCall({
      toolName: 'createServiceDeskRequest',
      credential,
      settings: settings({ apiTokenAuthEnabled: true }),
    });
    expect(decision).toMatchObject({ allowed: false, reason: 'missing_scopes' });
    if (decision.allowed) return;
    expect(describeDenial(decision, credential)).toEqual({
      kind: 'tool_error',
      message:
        'createServiceDeskRequest needs scopes this API token does not have: write:jsm. ' +
        "An API token's scopes are fixed when it is created: create a token with these scopes " +
        'on your account page and use it instead.',
    });
  });
});
