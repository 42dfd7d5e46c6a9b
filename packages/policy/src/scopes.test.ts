import { describe, expect, it } from 'vitest';
import { PRODUCT_PERMISSION_GROUPS, PRODUCTS, productHasGroup } from './products.js';
import {
  AUTHORIZATION_SERVER_SCOPES,
  formatScopes,
  getScope,
  isKnownScope,
  isResourceScope,
  parseScopeString,
  RESOURCE_SCOPE_IDS,
  RESOURCE_SCOPES_SUPPORTED,
  SCOPES,
  sortScopes,
  splitScopeString,
} from './scopes.js';
import { TOOLS } from './tools.js';

const BRIEF_SCOPES = [
  'read:jira-work',
  'write:jira-work',
  'search:jira',
  'read:confluence-content',
  'write:confluence-content',
  'search:confluence',
  'read:jsm',
  'write:jsm',
  'read:bitbucket',
  'write:bitbucket',
  'read:compass',
  'read:me',
  'offline_access',
];

describe('scope catalogue', () => {
  it('holds exactly the scopes of DESIGN.md §5, each once', () => {
    const ids = SCOPES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...BRIEF_SCOPES].sort());
  });

  it.each(SCOPES.filter((s) => s.kind === 'resource'))(
    '$id: its group is one its product has, and it is high impact exactly when it writes',
    (scope) => {
      expect(productHasGroup(scope.product, scope.group)).toBe(true);
      expect(scope.highImpact).toBe(scope.group === 'write');
      expect(scope.id.startsWith(`${scope.group}:`)).toBe(true);
    },
  );

  it('offline_access is the only session scope, low impact, never advertised to the resource', () => {
    expect(SCOPES.filter((s) => s.kind === 'session').map((s) => s.id)).toEqual(['offline_access']);
    expect(getScope('offline_access')).toMatchObject({ kind: 'session', highImpact: false });
    expect(RESOURCE_SCOPES_SUPPORTED).not.toContain('offline_access');
    expect(RESOURCE_SCOPE_IDS).not.toContain('offline_access');
    expect(AUTHORIZATION_SERVER_SCOPES).toContain('offline_access');
  });

  it.each(SCOPES)('$id has a plain consent sentence (no scope ids, no jargon)', (scope) => {
    expect(scope.consentSentence).toMatch(/^[A-Z][^:_]{10,80}$/);
  });

  it('every (product, group) pair has at least one scope, so each admin switch gates something', () => {
    for (const product of PRODUCTS) {
      for (const group of PRODUCT_PERMISSION_GROUPS[product]) {
        const gated = SCOPES.some(
          (s) => s.kind === 'resource' && s.product === product && s.group === group,
        );
        const toolGated = TOOLS.some((t) => t.product === product && t.group === group);
        expect(gated || toolGated, `${product}.${group}`).toBe(true);
      }
    }
  });
});

describe('scope lists for metadata', () => {
  it('the authorization server lists every scope in catalogue order', () => {
    expect(AUTHORIZATION_SERVER_SCOPES).toEqual(SCOPES.map((s) => s.id));
  });

  it('RESOURCE_SCOPE_IDS is every scope but offline_access', () => {
    expect(RESOURCE_SCOPE_IDS).toEqual(
      AUTHORIZATION_SERVER_SCOPES.filter((s) => s !== 'offline_access'),
    );
  });

  it('the resource advertises read:me and the read scope of each product an OAuth client can use', () => {
    const oauthProducts = new Set(
      TOOLS.filter((t) => t.authMethods.includes('oauth')).map((t) => t.product),
    );
    const expected = SCOPES.filter(
      (s) =>
        s.kind === 'resource' &&
        s.group === 'read' &&
        (s.id === 'read:me' || (s.product !== 'platform' && oauthProducts.has(s.product))),
    ).map((s) => s.id);
    expect(RESOURCE_SCOPES_SUPPORTED).toEqual(expected);
    expect(RESOURCE_SCOPES_SUPPORTED).toEqual([
      'read:me',
      'read:jira-work',
      'read:confluence-content',
      'read:compass',
    ]);
  });
});

describe('isKnownScope / isResourceScope', () => {
  it.each([
    ['read:jira-work', true, true],
    ['offline_access', true, false],
    ['READ:JIRA-WORK', false, false],
    ['read:jira-work ', false, false],
    ['openid', false, false],
    ['', false, false],
  ])('%j: known %s, resource %s', (value, known, resource) => {
    expect(isKnownScope(value)).toBe(known);
    expect(isResourceScope(value)).toBe(resource);
  });
});

describe('splitScopeString', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['read:me', ['read:me']],
    ['read:me  write:jira-work', ['read:me', 'write:jira-work']],
    ['write:jira-work read:me write:jira-work', ['write:jira-work', 'read:me']],
    ['custom:thing read:me openid', ['custom:thing', 'read:me', 'openid']],
    [' offline_access\tread:compass ', ['offline_access', 'read:compass']],
    ['Read:Me', ['Read:Me']],
  ])('%j', (input, expected) => {
    expect(splitScopeString(input)).toEqual(expected);
  });
});

describe('parseScopeString', () => {
  it.each([
    ['', [], []],
    ['   ', [], []],
    ['read:me', ['read:me'], []],
    ['read:me  write:jira-work', ['read:me', 'write:jira-work'], []],
    ['write:jira-work read:me write:jira-work', ['write:jira-work', 'read:me'], []],
    ['read:me openid profile openid', ['read:me'], ['openid', 'profile']],
    [' offline_access\tread:compass ', ['offline_access', 'read:compass'], []],
    ['Read:Me', [], ['Read:Me']],
  ])('%j', (input, scopes, unknown) => {
    expect(parseScopeString(input)).toEqual({ scopes, unknown });
  });
});

describe('formatScopes', () => {
  it.each([
    [[], ''],
    [['read:me'], 'read:me'],
    [['read:me', 'search:jira', 'read:me'], 'read:me search:jira'],
  ])('%j → %j', (input, expected) => {
    expect(formatScopes(input)).toBe(expected);
  });

  it('round-trips with parseScopeString', () => {
    const text = 'search:jira read:me offline_access';
    expect(formatScopes(parseScopeString(text).scopes)).toBe(text);
  });
});

describe('sortScopes', () => {
  it.each([
    [[], []],
    [
      ['read:compass', 'read:me'],
      ['read:me', 'read:compass'],
    ],
    [
      ['offline_access', 'search:jira', 'read:jira-work', 'search:jira'],
      ['read:jira-work', 'search:jira', 'offline_access'],
    ],
  ] as const)('%j → %j', (input, expected) => {
    expect(sortScopes(input)).toEqual(expected);
  });
});
