import { describe, expect, it } from 'vitest';
import { productHasGroup } from './products.js';
import { getScope } from './scopes.js';
import { DEFAULT_ORG_SETTINGS } from './settings.js';
import {
  ADDS_CONTENT,
  CHANGES_STATE,
  OVERWRITES_CONTENT,
  READ_ONLY,
} from './tools/tool-definition.js';
import { getTool, getToolSwitches, isToolName, TOOLS } from './tools.js';

const TOOL_SETS = {
  platform: ['atlassianUserInfo', 'getAccessibleAtlassianResources', 'search', 'fetch'],
  jira: [
    'getVisibleJiraProjects',
    'getJiraIssue',
    'searchJiraIssuesUsingJql',
    'createJiraIssue',
    'editJiraIssue',
    'addCommentToJiraIssue',
    'getTransitionsForJiraIssue',
    'transitionJiraIssue',
    'lookupJiraAccountId',
  ],
  confluence: [
    'getConfluenceSpaces',
    'getConfluencePage',
    'searchConfluenceUsingCql',
    'createConfluencePage',
    'updateConfluencePage',
    'getPagesInConfluenceSpace',
  ],
  jsm: [
    'listServiceDeskRequests',
    'getServiceDeskRequest',
    'createServiceDeskRequest',
    'addServiceDeskRequestComment',
  ],
  bitbucket: [
    'listBitbucketRepositories',
    'getBitbucketRepository',
    'listBitbucketPullRequests',
    'getBitbucketPullRequest',
    'addBitbucketPullRequestComment',
  ],
  compass: ['listCompassComponents', 'getCompassComponent'],
};

/** DESIGN.md §5: which credentials each tool set takes. */
const AUTH_METHODS_BY_SET = {
  platform: ['oauth', 'api_token'],
  jira: ['oauth', 'api_token'],
  confluence: ['oauth', 'api_token'],
  jsm: ['api_token'],
  bitbucket: ['api_token'],
  compass: ['oauth'],
};

/** Platform tools that need other products' scopes, on purpose (see platform-tools.ts). */
const CROSS_PRODUCT_TOOLS: Record<string, string[]> = {
  search: ['search:jira', 'search:confluence'],
  fetch: ['read:jira-work', 'read:confluence-content'],
};

describe('tool catalogue', () => {
  it('holds exactly the tools of each set, in set order, with unique names', () => {
    const names = TOOLS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(Object.values(TOOL_SETS).flat());
    for (const [set, setNames] of Object.entries(TOOL_SETS)) {
      expect(TOOLS.filter((t) => t.toolSet === set).map((t) => t.name)).toEqual(setNames);
    }
  });

  it.each(TOOLS)('$name: names camelCase, describes itself, product is its set', (tool) => {
    expect(tool.name).toMatch(/^[a-z][a-zA-Z]+$/);
    expect(tool.title.length).toBeGreaterThan(5);
    expect(tool.description.length).toBeGreaterThan(30);
    expect(tool.product).toBe(tool.toolSet);
  });

  it.each(TOOLS)('$name: auth methods are those of its set (DESIGN.md §5)', (tool) => {
    expect(tool.authMethods).toEqual(AUTH_METHODS_BY_SET[tool.toolSet]);
  });

  it.each(TOOLS)('$name: required scopes exist, grant data and match the tool', (tool) => {
    expect(tool.requiredScopes.length).toBeGreaterThan(0);
    for (const id of tool.requiredScopes) {
      const scope = getScope(id);
      expect(scope?.kind, id).toBe('resource');
      if (scope?.kind !== 'resource') continue;
      expect(scope.group, id).toBe(tool.group);
      if (!(tool.name in CROSS_PRODUCT_TOOLS)) expect(scope.product, id).toBe(tool.product);
    }
  });

  it.each(Object.entries(CROSS_PRODUCT_TOOLS))(
    '%s is the documented exception: %j',
    (name, scopes) => {
      expect(getTool(name)?.product).toBe('platform');
      expect(getTool(name)?.requiredScopes).toEqual(scopes);
    },
  );

  it.each(TOOLS)('$name: its product/group pair is an org-settings switch', (tool) => {
    expect(productHasGroup(tool.product, tool.group)).toBe(true);
    const switches: Record<string, boolean> = DEFAULT_ORG_SETTINGS.permissionGroups[tool.product];
    expect(switches[tool.group]).toBe(true);
  });

  it.each(TOOLS)('$name: annotations are the preset for what it does', (tool) => {
    const presets = [READ_ONLY, ADDS_CONTENT, OVERWRITES_CONTENT, CHANGES_STATE];
    expect(presets).toContain(tool.annotations);
    expect(tool.annotations.openWorldHint).toBe(false);
    expect(tool.annotations.readOnlyHint).toBe(tool.group !== 'write');
  });

  it.each([
    ['createJiraIssue', ADDS_CONTENT],
    ['addCommentToJiraIssue', ADDS_CONTENT],
    ['editJiraIssue', OVERWRITES_CONTENT],
    ['transitionJiraIssue', CHANGES_STATE],
    ['createConfluencePage', ADDS_CONTENT],
    ['updateConfluencePage', OVERWRITES_CONTENT],
    ['createServiceDeskRequest', ADDS_CONTENT],
    ['addServiceDeskRequestComment', ADDS_CONTENT],
    ['addBitbucketPullRequestComment', ADDS_CONTENT],
  ])('%s is annotated as it behaves', (name, annotations) => {
    expect(getTool(name)?.annotations).toBe(annotations);
  });

  it('presets are truthful: adding is never idempotent, overwriting is destructive', () => {
    expect(READ_ONLY).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(ADDS_CONTENT).toMatchObject({ destructiveHint: false, idempotentHint: false });
    expect(OVERWRITES_CONTENT).toMatchObject({ destructiveHint: true, idempotentHint: true });
    expect(CHANGES_STATE).toMatchObject({ destructiveHint: false, idempotentHint: false });
  });

  it('is frozen, so no caller can change it for everyone', () => {
    const tool = TOOLS[0];
    expect(Object.isFrozen(TOOLS)).toBe(true);
    expect(Object.isFrozen(tool)).toBe(true);
    expect(Object.isFrozen(tool?.requiredScopes)).toBe(true);
    expect(Object.isFrozen(tool?.annotations)).toBe(true);
  });
});

describe('getTool / isToolName', () => {
  it.each([
    ['getJiraIssue', true],
    ['fetch', true],
    ['getjiraissue', false],
    ['get_jira_issue', false],
    ['', false],
    ['toString', false],
  ])('%j is a tool: %s', (name, known) => {
    expect(isToolName(name)).toBe(known);
    expect(getTool(name)?.name).toBe(known ? name : undefined);
  });
});

describe('getToolSwitches', () => {
  it.each([
    ['getJiraIssue', ['jira.read']],
    ['createConfluencePage', ['confluence.write']],
    ['atlassianUserInfo', ['platform.read']],
    ['search', ['platform.search', 'jira.search', 'confluence.search']],
    ['fetch', ['platform.read', 'jira.read', 'confluence.read']],
  ])('%s depends on %j', (name, expected) => {
    const tool = getTool(name);
    if (tool === undefined) throw new Error(`no tool ${name}`);
    expect(getToolSwitches(tool).map((s) => `${s.product}.${s.group}`)).toEqual(expected);
  });
});
