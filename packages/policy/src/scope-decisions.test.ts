import { describe, expect, it } from 'vitest';
import { challengeScopes, decideIssuableScopes } from './scope-decisions.js';
import { DEFAULT_ORG_SETTINGS, type OrgSettings, parseOrgSettings } from './settings.js';
import { getTool } from './tools.js';

function settingsWith(input: Record<string, unknown>): OrgSettings {
  const result = parseOrgSettings(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.settings;
}

const JIRA_WRITE_OFF = settingsWith({ permissionGroups: { jira: { write: false } } });
const EVERYTHING_OFF = settingsWith({
  permissionGroups: {
    platform: { read: false, search: false },
    jira: { read: false, write: false, search: false },
    confluence: { read: false, write: false, search: false },
    jsm: { read: false, write: false },
    bitbucket: { read: false, write: false },
    compass: { read: false },
  },
});

describe('decideIssuableScopes', () => {
  it.each([
    ['nothing requested', [], DEFAULT_ORG_SETTINGS, [], []],
    [
      'known and enabled scopes, in request order',
      ['write:jira-work', 'read:me'],
      DEFAULT_ORG_SETTINGS,
      ['write:jira-work', 'read:me'],
      [],
    ],
    ['duplicates once', ['read:me', 'read:me'], DEFAULT_ORG_SETTINGS, ['read:me'], []],
    [
      'unknown scopes refused',
      ['openid', 'read:me', 'admin:everything'],
      DEFAULT_ORG_SETTINGS,
      ['read:me'],
      [
        { scope: 'openid', reason: 'unknown_scope' },
        { scope: 'admin:everything', reason: 'unknown_scope' },
      ],
    ],
    [
      'scopes of a switched-off group refused, naming the switch',
      ['read:jira-work', 'write:jira-work'],
      JIRA_WRITE_OFF,
      ['read:jira-work'],
      [{ scope: 'write:jira-work', reason: 'disabled_by_admin', product: 'jira', group: 'write' }],
    ],
    [
      'offline_access always issuable, even with every group off',
      ['offline_access', 'read:me'],
      EVERYTHING_OFF,
      ['offline_access'],
      [{ scope: 'read:me', reason: 'disabled_by_admin', product: 'platform', group: 'read' }],
    ],
  ])('%s', (_label, requested, settings, issuable, refused) => {
    expect(decideIssuableScopes({ requested, settings })).toEqual({ issuable, refused });
  });
});

describe('challengeScopes', () => {
  it.each([
    ['getJiraIssue', [], ['read:jira-work']],
    ['createJiraIssue', ['read:jira-work'], ['read:jira-work', 'write:jira-work']],
    [
      'createJiraIssue',
      ['search:jira', 'read:me', 'read:jira-work'],
      ['read:me', 'read:jira-work', 'write:jira-work', 'search:jira'],
    ],
    ['getConfluencePage', ['offline_access', 'read:me'], ['read:me', 'read:confluence-content']],
    ['getConfluencePage', ['openid', 'read:confluence-content'], ['read:confluence-content']],
    ['search', ['search:jira'], ['search:jira', 'search:confluence']],
  ])('%s with %j granted → %j', (name, grantedScopes, expected) => {
    const tool = getTool(name);
    if (tool === undefined) throw new Error(`no tool ${name}`);
    expect(challengeScopes({ tool, grantedScopes })).toEqual(expected);
  });

  it('gives the same answer whatever order the granted scopes come in', () => {
    const tool = getTool('fetch');
    if (tool === undefined) throw new Error('no fetch');
    const a = challengeScopes({ tool, grantedScopes: ['read:me', 'search:jira', 'read:compass'] });
    const b = challengeScopes({ tool, grantedScopes: ['read:compass', 'search:jira', 'read:me'] });
    expect(a).toEqual(b);
  });
});
