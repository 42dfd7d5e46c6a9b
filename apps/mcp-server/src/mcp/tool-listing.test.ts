import { type AuthMethod, DEFAULT_ORG_SETTINGS, parseOrgSettings, TOOLS } from '@gatehouse/policy';
import { demoActor } from '@gatehouse/workspace';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/authenticate.js';
import { describeTool, inputSchemaFor, listToolsFor } from './tool-listing.js';

function principal(authMethod: AuthMethod, scopes: string[]): Principal {
  return { actor: demoActor('alice'), authMethod, scopes, clientId: 'c', apiTokenId: undefined };
}

describe('describeTool', () => {
  it.each(TOOLS.map((tool) => [tool.name, tool] as const))(
    '%s carries the catalogue title, description, annotations and an object schema',
    (_name, tool) => {
      const described = describeTool(tool);
      expect(described).toMatchObject({
        name: tool.name,
        title: tool.title,
        description: tool.description,
        annotations: { title: tool.title, ...tool.annotations },
        inputSchema: { type: 'object' },
      });
      expect(described.inputSchema).not.toHaveProperty('$schema');
    },
  );

  it('keeps field descriptions and requirements from the workspace schema', () => {
    expect(inputSchemaFor('getJiraIssue')).toMatchObject({
      properties: {
        issueIdOrKey: { type: 'string', description: 'Issue key (OPS-12) or numeric id' },
      },
      required: ['issueIdOrKey'],
    });
  });

  it('hides arguments the server fills in from the credential', () => {
    expect(inputSchemaFor('getAccessibleAtlassianResources')).toEqual({
      type: 'object',
      properties: {},
    });
  });
});

describe('listToolsFor', () => {
  const apiTokensOn = parseOrgSettings({ apiTokenAuthEnabled: true });
  const grantable = parseOrgSettings({ toolListingMode: 'grantable' });
  if (!apiTokensOn.ok || !grantable.ok) throw new Error('bad test settings');
  const names = (p: Principal, s = DEFAULT_ORG_SETTINGS) => listToolsFor(p, s).map((t) => t.name);

  it.each<[string, Principal, typeof DEFAULT_ORG_SETTINGS, string[]]>([
    [
      'OAuth, read:me only',
      principal('oauth', ['read:me']),
      DEFAULT_ORG_SETTINGS,
      ['atlassianUserInfo', 'getAccessibleAtlassianResources'],
    ],
    [
      'OAuth, read:compass',
      principal('oauth', ['read:compass']),
      DEFAULT_ORG_SETTINGS,
      ['listCompassComponents', 'getCompassComponent'],
    ],
    [
      'OAuth never sees API-token-only tools',
      principal('oauth', ['read:jsm', 'read:bitbucket']),
      DEFAULT_ORG_SETTINGS,
      [],
    ],
    [
      'an API token never sees OAuth-only tools',
      principal('api_token', ['read:compass', 'read:jsm']),
      apiTokensOn.settings,
      ['listServiceDeskRequests', 'getServiceDeskRequest'],
    ],
    [
      'an API token sees nothing while API tokens are off',
      principal('api_token', ['read:me']),
      DEFAULT_ORG_SETTINGS,
      [],
    ],
  ])('%s', (_name, p, s, expected) => {
    expect(names(p, s)).toEqual(expected);
  });

  it('lists what a step-up could grant in grantable mode, OAuth only', () => {
    const oauth = names(principal('oauth', ['read:me']), grantable.settings);
    expect(oauth).toContain('createJiraIssue');
    expect(oauth).not.toContain('listServiceDeskRequests');
  });
});
