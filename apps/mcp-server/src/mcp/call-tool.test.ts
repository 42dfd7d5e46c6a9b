import { DEFAULT_ORG_SETTINGS, type OrgSettings, parseOrgSettings } from '@gatehouse/policy';
import {
  createMemoryRecordStore,
  createMemoryUserStore,
  createWorkspace,
  type DemoPersona,
  demoActor,
  seedDemoOrg,
  type Workspace,
} from '@gatehouse/workspace';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/authenticate.js';
import { callTool, type ToolCallScope } from './call-tool.js';
import type { ToolCallRecord } from './tool-audit.js';

let workspace: Workspace;

beforeAll(async () => {
  const deps = { records: createMemoryRecordStore(), users: createMemoryUserStore() };
  await seedDemoOrg(deps, { password: 'a-test-password' });
  workspace = createWorkspace(deps);
});

const ALL_READ_WRITE = ['read:me', 'read:jira-work', 'write:jira-work', 'read:confluence-content'];

function principal(persona: DemoPersona, scopes = ALL_READ_WRITE): Principal {
  return {
    actor: demoActor(persona),
    authMethod: 'oauth',
    scopes,
    clientId: 'client-1',
    apiTokenId: undefined,
  };
}

function scopeFor(p: Principal, settings: OrgSettings = DEFAULT_ORG_SETTINGS) {
  const audited: ToolCallRecord[] = [];
  const scope: ToolCallScope = {
    principal: p,
    settings: () => settings,
    workspace,
    audit: async (record) => {
      audited.push(record);
    },
    ip: '127.0.0.1',
    logger: pino({ level: 'silent' }),
  };
  return { scope, audited };
}

describe('callTool: results', () => {
  it('answers structured content and the same as readable JSON text', async () => {
    const { scope, audited } = scopeFor(principal('alice'));
    const result = await callTool(
      { name: 'getJiraIssue', arguments: { issueIdOrKey: 'OPS-1' } },
      scope,
    );
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ key: 'OPS-1' });
    const text = result.content[0];
    expect(text?.type === 'text' && JSON.parse(text.text)).toEqual(result.structuredContent);
    expect(audited).toMatchObject([{ tool: 'getJiraIssue', outcome: 'success', ip: '127.0.0.1' }]);
    expect(audited[0]?.reason).toBeUndefined();
  });

  it("reports the credential's scopes in getAccessibleAtlassianResources, whatever the client sends", async () => {
    const { scope } = scopeFor(principal('bob', ['read:me', 'read:jira-work']));
    const result = await callTool(
      { name: 'getAccessibleAtlassianResources', arguments: { scopes: ['write:everything'] } },
      scope,
    );
    expect(result.structuredContent).toMatchObject({
      items: [{ scopes: ['read:jira-work', 'read:me'] }],
    });
  });
});

describe('callTool: tool errors', () => {
  it.each<
    [
      string,
      DemoPersona,
      string,
      Record<string, unknown>,
      Record<string, unknown>,
      RegExp,
      Partial<ToolCallRecord>,
    ]
  >([
    [
      'a hidden issue reads as missing',
      'carol',
      'getJiraIssue',
      { issueIdOrKey: 'FIN-1' },
      {},
      /FIN-1 was not found/,
      { outcome: 'failure', reason: 'not_found' },
    ],
    [
      'a write without the permission',
      'bob',
      'addCommentToJiraIssue',
      { issueIdOrKey: 'FIN-2', commentBody: 'hi' },
      {},
      /^You need the "create" permission in project FIN to /,
      { outcome: 'denied', reason: 'forbidden' },
    ],
    [
      'bad input names the field',
      'alice',
      'getJiraIssue',
      {},
      {},
      /issueIdOrKey/,
      { outcome: 'failure', reason: 'invalid_input' },
    ],
    [
      'a tool the admin switched off',
      'alice',
      'createJiraIssue',
      { projectKey: 'OPS', summary: 'x' },
      { permissionGroups: { jira: { write: false } } },
      /turned off by your organization's admin/,
      { outcome: 'denied', reason: 'disabled_by_admin' },
    ],
    [
      'a tool of another auth method',
      'alice',
      'listServiceDeskRequests',
      {},
      {},
      /works only with an API token/,
      { outcome: 'denied', reason: 'auth_method_not_allowed' },
    ],
  ])('%s', async (_name, persona, tool, args, settingsInput, message, audit) => {
    const settings = parseOrgSettings(settingsInput);
    if (!settings.ok) throw new Error('bad test settings');
    const scopes = [...ALL_READ_WRITE, 'read:jsm'];
    const { scope, audited } = scopeFor(principal(persona, scopes), settings.settings);
    const result = await callTool({ name: tool, arguments: args }, scope);
    expect(result.isError).toBe(true);
    const text = result.content[0];
    expect(text?.type === 'text' ? text.text : '').toMatch(message);
    expect(audited).toMatchObject([{ tool, ...audit }]);
  });

  it('hides an unexpected failure behind a generic message', async () => {
    const { scope, audited } = scopeFor(principal('alice'));
    const broken = {
      ...workspace,
      getJiraIssue: async () => {
        throw new Error('SQLITE_BUSY: database is locked at /secret/path');
      },
    } as Workspace;
    const result = await callTool(
      { name: 'getJiraIssue', arguments: { issueIdOrKey: 'OPS-1' } },
      { ...scope, workspace: broken },
    );
    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text: 'getJiraIssue failed unexpectedly. Try again in a moment.' }],
    });
    expect(audited).toMatchObject([{ outcome: 'failure', reason: 'internal_error' }]);
  });

  it('answers an unknown tool with a protocol error, and audits it', async () => {
    const { scope, audited } = scopeFor(principal('alice'));
    await expect(callTool({ name: 'dropDatabase' }, scope)).rejects.toBeInstanceOf(McpError);
    expect(audited).toMatchObject([
      { tool: 'dropDatabase', outcome: 'denied', reason: 'unknown_tool' },
    ]);
  });
});
