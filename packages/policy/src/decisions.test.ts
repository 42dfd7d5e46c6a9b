import { describe, expect, it } from 'vitest';
import { assertNever } from './assert-never.js';
import {
  type Credential,
  decideToolCall,
  listTools,
  type ToolCallDenialReason,
} from './decisions.js';
import { AUTHORIZATION_SERVER_SCOPES } from './scopes.js';
import { DEFAULT_ORG_SETTINGS, type OrgSettings, parseOrgSettings } from './settings.js';
import { TOOLS } from './tools.js';

function settingsWith(input: Record<string, unknown>): OrgSettings {
  const result = parseOrgSettings(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.settings;
}

const ALL_SCOPES = [...AUTHORIZATION_SERVER_SCOPES];
const API_TOKENS_ON = settingsWith({ apiTokenAuthEnabled: true });
const oauth = (...scopes: string[]): Credential => ({ authMethod: 'oauth', scopes });
const apiToken = (...scopes: string[]): Credential => ({ authMethod: 'api_token', scopes });
const names = (tools: readonly { name: string }[]) => tools.map((t) => t.name);

describe('decideToolCall: allowed', () => {
  it.each([
    ['getJiraIssue', oauth('read:jira-work'), DEFAULT_ORG_SETTINGS],
    ['atlassianUserInfo', oauth('read:me', 'offline_access'), DEFAULT_ORG_SETTINGS],
    ['search', oauth('search:jira', 'search:confluence'), DEFAULT_ORG_SETTINGS],
    ['listCompassComponents', oauth('read:compass'), DEFAULT_ORG_SETTINGS],
    ['createServiceDeskRequest', apiToken('write:jsm'), API_TOKENS_ON],
    ['addBitbucketPullRequestComment', apiToken('write:bitbucket'), API_TOKENS_ON],
    ['updateConfluencePage', apiToken(...ALL_SCOPES), API_TOKENS_ON],
  ])('%s with %j', (toolName, credential, settings) => {
    const decision = decideToolCall({ toolName, credential, settings });
    expect(decision).toMatchObject({ allowed: true, tool: { name: toolName } });
  });
});

describe('decideToolCall: each refusal', () => {
  it.each([
    [
      'unknown_tool: not in the catalogue',
      'deleteJiraIssue',
      oauth(...ALL_SCOPES),
      {},
      { reason: 'unknown_tool', toolName: 'deleteJiraIssue' },
    ],
    [
      'api_token_auth_disabled: the org has API tokens off',
      'getJiraIssue',
      apiToken(...ALL_SCOPES),
      {},
      { reason: 'api_token_auth_disabled', tool: { name: 'getJiraIssue' } },
    ],
    [
      'auth_method_not_allowed: compass with an API token',
      'getCompassComponent',
      apiToken(...ALL_SCOPES),
      { apiTokenAuthEnabled: true },
      { reason: 'auth_method_not_allowed', authMethod: 'api_token', allowedAuthMethods: ['oauth'] },
    ],
    [
      'auth_method_not_allowed: service desk with OAuth',
      'listServiceDeskRequests',
      oauth(...ALL_SCOPES),
      { apiTokenAuthEnabled: true },
      { reason: 'auth_method_not_allowed', authMethod: 'oauth', allowedAuthMethods: ['api_token'] },
    ],
    [
      'auth_method_not_allowed: bitbucket with OAuth',
      'getBitbucketRepository',
      oauth(...ALL_SCOPES),
      {},
      { reason: 'auth_method_not_allowed', authMethod: 'oauth', allowedAuthMethods: ['api_token'] },
    ],
    [
      'disabled_by_admin: the tool’s own group is off',
      'createJiraIssue',
      oauth(...ALL_SCOPES),
      { permissionGroups: { jira: { write: false } } },
      { reason: 'disabled_by_admin', product: 'jira', group: 'write' },
    ],
    [
      'disabled_by_admin: platform search off',
      'search',
      oauth(...ALL_SCOPES),
      { permissionGroups: { platform: { search: false } } },
      { reason: 'disabled_by_admin', product: 'platform', group: 'search' },
    ],
    [
      'disabled_by_admin: cross-product search follows Confluence search',
      'search',
      oauth(...ALL_SCOPES),
      { permissionGroups: { confluence: { search: false } } },
      { reason: 'disabled_by_admin', product: 'confluence', group: 'search' },
    ],
    [
      'disabled_by_admin: fetch follows Jira read',
      'fetch',
      oauth(...ALL_SCOPES),
      { permissionGroups: { jira: { read: false } } },
      { reason: 'disabled_by_admin', product: 'jira', group: 'read' },
    ],
    [
      'missing_scopes: none granted',
      'editJiraIssue',
      oauth(),
      {},
      {
        reason: 'missing_scopes',
        missingScopes: ['write:jira-work'],
        requiredScopes: ['write:jira-work'],
      },
    ],
    [
      'missing_scopes: read does not imply write',
      'createConfluencePage',
      oauth('read:confluence-content', 'offline_access'),
      {},
      { reason: 'missing_scopes', missingScopes: ['write:confluence-content'] },
    ],
    [
      'missing_scopes: exactly the ones lacking',
      'fetch',
      oauth('read:jira-work'),
      {},
      {
        reason: 'missing_scopes',
        missingScopes: ['read:confluence-content'],
        requiredScopes: ['read:jira-work', 'read:confluence-content'],
      },
    ],
    [
      'missing_scopes: for an API token too',
      'getServiceDeskRequest',
      apiToken('read:jira-work'),
      { apiTokenAuthEnabled: true },
      { reason: 'missing_scopes', missingScopes: ['read:jsm'] },
    ],
  ])('%s', (_label, toolName, credential, settings, expected) => {
    const decision = decideToolCall({ toolName, credential, settings: settingsWith(settings) });
    expect(decision).toMatchObject({ allowed: false, ...expected });
  });
});

describe('decideToolCall: the most fundamental refusal wins', () => {
  // Each row fails every check from its expected reason onwards.
  const everythingOff = { permissionGroups: { compass: { read: false }, jsm: { read: false } } };
  it.each([
    ['unknown_tool', 'nope', apiToken(), everythingOff],
    ['api_token_auth_disabled', 'getCompassComponent', apiToken(), everythingOff],
    [
      'auth_method_not_allowed',
      'getCompassComponent',
      apiToken(),
      { ...everythingOff, apiTokenAuthEnabled: true },
    ],
    ['auth_method_not_allowed', 'getServiceDeskRequest', oauth(), everythingOff],
    ['disabled_by_admin', 'listCompassComponents', oauth(), everythingOff],
    ['missing_scopes', 'listCompassComponents', oauth('read:me'), {}],
  ] as const)('%s', (reason, toolName, credential, settings) => {
    const decision = decideToolCall({ toolName, credential, settings: settingsWith(settings) });
    expect(decision.allowed ? 'allowed' : decision.reason).toBe(reason);
  });
});

describe('decideToolCall: denials map to wire forms exhaustively', () => {
  /** What an app writes: every reason must be handled or this does not compile. */
  function toHttpStatus(reason: ToolCallDenialReason): number {
    switch (reason) {
      case 'unknown_tool':
        return 404;
      case 'api_token_auth_disabled':
        return 401;
      case 'auth_method_not_allowed':
      case 'disabled_by_admin':
        return 403;
      case 'missing_scopes':
        return 403;
      default:
        return assertNever(reason);
    }
  }

  it.each([
    ['nope', oauth(), 404],
    ['getJiraIssue', apiToken('read:jira-work'), 401],
    ['getJiraIssue', oauth(), 403],
  ])('%s with %j → %d', (toolName, credential, status) => {
    const decision = decideToolCall({ toolName, credential, settings: DEFAULT_ORG_SETTINGS });
    expect(decision.allowed ? 200 : toHttpStatus(decision.reason)).toBe(status);
  });
});

const OAUTH_TOOLS = TOOLS.filter((t) => t.authMethods.includes('oauth')).map((t) => t.name);
const API_TOKEN_TOOLS = TOOLS.filter((t) => t.authMethods.includes('api_token')).map((t) => t.name);

describe('listTools', () => {
  it.each([
    ['OAuth with every scope sees every OAuth tool', oauth(...ALL_SCOPES), {}, OAUTH_TOOLS],
    [
      'granted mode shows only what the scopes allow',
      oauth('read:jira-work'),
      {},
      [
        'getVisibleJiraProjects',
        'getJiraIssue',
        'getTransitionsForJiraIssue',
        'lookupJiraAccountId',
      ],
    ],
    ['granted mode with no scopes shows nothing', oauth(), {}, []],
    [
      'grantable mode shows OAuth tools reachable by step-up',
      oauth(),
      { toolListingMode: 'grantable' },
      OAUTH_TOOLS,
    ],
    [
      'grantable mode still hides groups the admin switched off',
      oauth(),
      {
        toolListingMode: 'grantable',
        permissionGroups: {
          platform: { read: false, search: false },
          jira: { write: false },
          confluence: { read: false, write: false, search: false },
          compass: { read: false },
        },
      },
      [
        'getVisibleJiraProjects',
        'getJiraIssue',
        'searchJiraIssuesUsingJql',
        'getTransitionsForJiraIssue',
        'lookupJiraAccountId',
      ],
    ],
    ['an API token lists nothing while API-token auth is off', apiToken(...ALL_SCOPES), {}, []],
    [
      'an API token with every scope sees every API-token tool',
      apiToken(...ALL_SCOPES),
      { apiTokenAuthEnabled: true },
      API_TOKEN_TOOLS,
    ],
    [
      'an API token cannot step up, so grantable lists only what it holds',
      apiToken('read:jsm'),
      { apiTokenAuthEnabled: true, toolListingMode: 'grantable' },
      ['listServiceDeskRequests', 'getServiceDeskRequest'],
    ],
  ])('%s', (_label, credential, settings, expected) => {
    expect(names(listTools({ credential, settings: settingsWith(settings) }))).toEqual(expected);
  });

  it('never lists API-token-only sets for OAuth, nor OAuth-only sets for API tokens', () => {
    const settings = settingsWith({ apiTokenAuthEnabled: true, toolListingMode: 'grantable' });
    const forOauth = listTools({ credential: oauth(...ALL_SCOPES), settings });
    const forToken = listTools({ credential: apiToken(...ALL_SCOPES), settings });
    expect(forOauth.filter((t) => t.toolSet === 'jsm' || t.toolSet === 'bitbucket')).toEqual([]);
    expect(forToken.filter((t) => t.toolSet === 'compass')).toEqual([]);
  });

  it.each([
    ['oauth', oauth('read:jira-work', 'write:jira-work', 'search:confluence'), {}],
    ['api token', apiToken('read:jsm', 'read:me', 'read:compass'), { apiTokenAuthEnabled: true }],
    ['oauth, jira read off', oauth(...ALL_SCOPES), { permissionGroups: { jira: { read: false } } }],
  ])(
    'granted mode lists exactly the tools a call would allow (%s)',
    (_label, credential, input) => {
      const settings = settingsWith(input);
      const callable = TOOLS.filter(
        (tool) => decideToolCall({ toolName: tool.name, credential, settings }).allowed,
      );
      expect(listTools({ credential, settings })).toEqual(callable);
    },
  );
});
