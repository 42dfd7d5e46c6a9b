import { RESOURCE_SCOPES_SUPPORTED } from '@gatehouse/policy';
import { describe, expect, it } from 'vitest';
import {
  canonicalizeResources,
  foreignResource,
  type ParamList,
  providerScopeTokens,
  withDefaultScope,
} from './request-params.js';

const MCP = 'http://localhost:4001/mcp';
const DEFAULTS = RESOURCE_SCOPES_SUPPORTED.join(' ');

describe('canonicalizeResources', () => {
  it.each<[string, ParamList, ParamList]>([
    ['a loud spelling', [['resource', 'HTTP://LOCALHOST:4001/mcp/']], [['resource', MCP]]],
    ['the canonical URL', [['resource', MCP]], [['resource', MCP]]],
    [
      'a foreign resource (left for refusal)',
      [['resource', 'https://evil.example/mcp']],
      [['resource', 'https://evil.example/mcp']],
    ],
    [
      'other parameters untouched',
      [
        ['scope', 'read:me'],
        ['resource', `${MCP}/`],
      ],
      [
        ['scope', 'read:me'],
        ['resource', MCP],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(canonicalizeResources(input, MCP)).toEqual(expected);
  });
});

describe('foreignResource', () => {
  it.each<[ParamList, string | undefined]>([
    [[], undefined],
    [[['resource', 'HTTP://LOCALHOST:4001/mcp/']], undefined],
    [
      [
        ['resource', MCP],
        ['resource', 'https://evil.example/mcp'],
      ],
      'https://evil.example/mcp',
    ],
  ])('%j → %s', (input, expected) => {
    expect(foreignResource(input, MCP)).toBe(expected);
  });
});

describe('withDefaultScope', () => {
  it.each<[string, ParamList, ParamList]>([
    [
      'no scope',
      [['client_id', 'c']],
      [
        ['client_id', 'c'],
        ['scope', DEFAULTS],
      ],
    ],
    ['an empty scope', [['scope', '']], [['scope', DEFAULTS]]],
    [
      'only offline_access',
      [['scope', 'offline_access']],
      [['scope', `offline_access ${DEFAULTS}`]],
    ],
    ['only unknown scopes', [['scope', 'bogus']], [['scope', `bogus ${DEFAULTS}`]]],
    ['a resource scope: untouched', [['scope', 'write:jira-work']], [['scope', 'write:jira-work']]],
    [
      'a tab between scopes: kept, for oidc-provider to refuse as an invalid character',
      [['scope', 'openid\toffline_access']],
      [['scope', `openid\toffline_access ${DEFAULTS}`]],
    ],
    [
      'duplicate scope parameters: left for oidc-provider to refuse',
      [
        ['scope', 'a'],
        ['scope', 'b'],
      ],
      [
        ['scope', 'a'],
        ['scope', 'b'],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(withDefaultScope(input)).toEqual(expected);
  });
});

describe('providerScopeTokens', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['openid offline_access', ['openid', 'offline_access']],
    ['openid  read:me ', ['openid', 'read:me']],
    ['openid\tread:me', ['openid\tread:me']],
  ])('%j', (input, expected) => {
    expect(providerScopeTokens(input)).toEqual(expected);
  });
});
