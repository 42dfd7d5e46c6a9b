import { DEFAULT_ORG_SETTINGS, type OrgSettings } from '@gatehouse/policy';
import { demoActor } from '@gatehouse/workspace';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/authenticate.js';
import { RequestError } from '../http/errors.js';
import type { ToolCallRecord } from './tool-audit.js';
import { gateToolCalls } from './tool-call-gate.js';

const CHALLENGES = {
  resourceMetadataUrl: 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
  apiTokensEnabled: () => false,
};

function principal(authMethod: Principal['authMethod'], scopes: string[]): Principal {
  return {
    actor: demoActor('alice'),
    authMethod,
    scopes,
    clientId: authMethod === 'oauth' ? 'client-1' : 'api-token:t1',
    apiTokenId: authMethod === 'oauth' ? undefined : 't1',
  };
}

const call = (name: string): JSONRPCMessage => ({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name, arguments: {} },
});

/** Runs the gate; the refusal it throws, or undefined, and what it audited. */
async function gate(
  messages: JSONRPCMessage[],
  options: { principal: Principal; scheme?: 'basic' | 'bearer'; settings?: OrgSettings },
) {
  const audited: ToolCallRecord[] = [];
  const error = await gateToolCalls(messages, {
    principal: options.principal,
    scheme: options.scheme ?? 'bearer',
    settings: () => options.settings ?? DEFAULT_ORG_SETTINGS,
    challenges: CHALLENGES,
    audit: async (record) => {
      audited.push(record);
    },
    ip: '127.0.0.1',
  }).then(
    () => undefined,
    (e: unknown) => {
      if (e instanceof RequestError) return e;
      throw e;
    },
  );
  return { error, audited };
}

describe('gateToolCalls: API tokens while the org has them off', () => {
  const off = { ...DEFAULT_ORG_SETTINGS, apiTokenAuthEnabled: false };

  it.each<['basic' | 'bearer', string | undefined]>([
    ['basic', undefined],
    ['bearer', 'invalid_token'],
  ])('%s: 401, challenge error %s (RFC 6750 §3.1), audited', async (scheme, challengeError) => {
    const { error, audited } = await gate([call('getJiraIssue')], {
      principal: principal('api_token', ['read:jira-work']),
      scheme,
      settings: off,
    });
    expect(error?.status).toBe(401);
    expect(error?.description).toContain('API-token authentication is disabled');
    const header = error?.wwwAuthenticate ?? '';
    if (challengeError === undefined) expect(header).not.toContain('error');
    else expect(header).toContain(`error="${challengeError}"`);
    expect(audited).toMatchObject([{ tool: 'getJiraIssue', reason: 'api_token_auth_disabled' }]);
  });
});

describe('gateToolCalls: scopes', () => {
  it('refuses an OAuth token missing scopes with 403 insufficient_scope (step-up)', async () => {
    const { error, audited } = await gate([call('createJiraIssue')], {
      principal: principal('oauth', ['read:me', 'read:jira-work']),
    });
    expect(error?.status).toBe(403);
    expect(error?.wwwAuthenticate).toContain('error="insufficient_scope"');
    expect(audited).toMatchObject([{ tool: 'createJiraIssue', reason: 'missing_scopes' }]);
  });

  it('leaves an API token missing scopes to the handler (a tool error, no 403 to step up from)', async () => {
    const { error, audited } = await gate([call('createServiceDeskRequest')], {
      principal: principal('api_token', ['read:me', 'read:jsm']),
      settings: { ...DEFAULT_ORG_SETTINGS, apiTokenAuthEnabled: true },
    });
    expect(error).toBeUndefined();
    expect(audited).toEqual([]);
  });

  it('lets an allowed call through without auditing (the handler audits it)', async () => {
    const { error, audited } = await gate([call('getJiraIssue')], {
      principal: principal('oauth', ['read:me', 'read:jira-work']),
    });
    expect(error).toBeUndefined();
    expect(audited).toEqual([]);
  });
});
