import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  PRODUCT_PERMISSION_GROUPS,
  type Product,
  type ProductPermissionGroup,
} from './products.js';
import {
  DEFAULT_ORG_SETTINGS,
  isGroupEnabled,
  type OrgSettings,
  parseOrgSettings,
} from './settings.js';

const DAY_SECONDS = 86_400;

function parsed(input: unknown): OrgSettings {
  const result = parseOrgSettings(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.settings;
}

describe('DEFAULT_ORG_SETTINGS', () => {
  it('holds the documented defaults', () => {
    expect(DEFAULT_ORG_SETTINGS).toEqual({
      apiTokenAuthEnabled: false,
      permissionGroups: {
        platform: { read: true, search: true },
        jira: { read: true, write: true, search: true },
        confluence: { read: true, write: true, search: true },
        jsm: { read: true, write: true },
        bitbucket: { read: true, write: true },
        compass: { read: true },
      },
      allowedClientDomains: [],
      tokenLifetimes: {
        accessTokenSeconds: 3600,
        refreshTokenSeconds: 30 * DAY_SECONDS,
        apiTokenMaxDays: 365,
      },
      registration: { mode: 'open', maxPerHourPerIp: 20 },
      toolListingMode: 'granted',
    });
  });

  it('has one switch per product group, the same pairs as the catalogue', () => {
    const groups = Object.fromEntries(
      Object.entries(DEFAULT_ORG_SETTINGS.permissionGroups).map(([p, s]) => [p, Object.keys(s)]),
    );
    expect(groups).toEqual(PRODUCT_PERMISSION_GROUPS);
    expectTypeOf<OrgSettings['permissionGroups']>().toEqualTypeOf<{
      [P in Product]: { [G in ProductPermissionGroup<P>]: boolean };
    }>();
  });

  it('is frozen, so no request can change the defaults for every org', () => {
    expect(Object.isFrozen(DEFAULT_ORG_SETTINGS.permissionGroups.jira)).toBe(true);
    expect(Object.isFrozen(DEFAULT_ORG_SETTINGS.allowedClientDomains)).toBe(true);
  });
});

describe('parseOrgSettings: accepting and merging', () => {
  it.each([undefined, {}])('%j gives the defaults', (input) => {
    expect(parsed(input)).toEqual(DEFAULT_ORG_SETTINGS);
  });

  it('merges a partial input over the defaults, deeply', () => {
    const settings = parsed({
      apiTokenAuthEnabled: true,
      permissionGroups: { jira: { write: false } },
      tokenLifetimes: { accessTokenSeconds: 600 },
      registration: { mode: 'rate_limited' },
    });
    expect(settings.apiTokenAuthEnabled).toBe(true);
    expect(settings.permissionGroups.jira).toEqual({ read: true, write: false, search: true });
    expect(settings.permissionGroups.confluence).toEqual(
      DEFAULT_ORG_SETTINGS.permissionGroups.confluence,
    );
    expect(settings.tokenLifetimes).toEqual({
      ...DEFAULT_ORG_SETTINGS.tokenLifetimes,
      accessTokenSeconds: 600,
    });
    expect(settings.registration).toEqual({ mode: 'rate_limited', maxPerHourPerIp: 20 });
  });

  it('returns a fresh object that may be changed without touching the defaults', () => {
    const settings = parsed({});
    settings.permissionGroups.jira.write = false;
    settings.allowedClientDomains.push('example.com');
    expect(DEFAULT_ORG_SETTINGS.permissionGroups.jira.write).toBe(true);
    expect(DEFAULT_ORG_SETTINGS.allowedClientDomains).toEqual([]);
    expect(parsed({}).allowedClientDomains).toEqual([]);
  });

  it.each([
    [
      ['Example.COM', ' *.Example.org '],
      ['example.com', '*.example.org'],
    ],
    [['example.com', 'EXAMPLE.com'], ['example.com']],
    [[], []],
  ])('normalises client domains %j → %j', (input, expected) => {
    expect(parsed({ allowedClientDomains: input }).allowedClientDomains).toEqual(expected);
  });

  it.each([
    ['accessTokenSeconds', 60],
    ['accessTokenSeconds', 86_400],
    ['refreshTokenSeconds', 3_600],
    ['refreshTokenSeconds', 90 * DAY_SECONDS],
    ['apiTokenMaxDays', 1],
    ['apiTokenMaxDays', 365],
  ])('accepts tokenLifetimes.%s at its bound %d', (field, value) => {
    expect(parsed({ tokenLifetimes: { [field]: value } }).tokenLifetimes).toMatchObject({
      [field]: value,
    });
  });

  it.each(['open', 'off', 'rate_limited'])('accepts registration.mode %j', (mode) => {
    expect(parsed({ registration: { mode } }).registration.mode).toBe(mode);
  });

  it.each(['granted', 'grantable'])('accepts toolListingMode %j', (mode) => {
    expect(parsed({ toolListingMode: mode }).toolListingMode).toBe(mode);
  });
});

describe('parseOrgSettings: every rule names its field', () => {
  it.each([
    [null, '', 'Settings must be an object'],
    ['on', '', 'Settings must be an object'],
    [{ apiTokenAuthEnabled: 'yes' }, 'apiTokenAuthEnabled', 'must be true or false'],
    [{ surprise: 1 }, 'surprise', 'surprise is not a known setting'],
    [{ permissionGroups: [] }, 'permissionGroups', 'must be an object'],
    [
      { permissionGroups: { jira: { write: 'no' } } },
      'permissionGroups.jira.write',
      'permissionGroups.jira.write must be true or false',
    ],
    [{ permissionGroups: { jira: null } }, 'permissionGroups.jira', 'must be an object'],
    [
      { permissionGroups: { compass: { write: true } } },
      'permissionGroups.compass.write',
      'is not a known setting',
    ],
    [
      { permissionGroups: { trello: { read: true } } },
      'permissionGroups.trello',
      'is not a known setting',
    ],
    [
      { allowedClientDomains: 'example.com' },
      'allowedClientDomains',
      'must be a list of domain names',
    ],
    [
      { allowedClientDomains: [42] },
      'allowedClientDomains.0',
      'must be a domain name written as text',
    ],
    [
      { allowedClientDomains: ['ok.com', 'https://x.com'] },
      'allowedClientDomains.1',
      'allowedClientDomains.1 must not include a scheme such as https:// (got "https://x.com")',
    ],
    [{ allowedClientDomains: ['*'] }, 'allowedClientDomains.0', 'must not be a bare *'],
    [{ allowedClientDomains: ['x.com:80'] }, 'allowedClientDomains.0', 'must not include a port'],
    [{ allowedClientDomains: ['x.com/a'] }, 'allowedClientDomains.0', 'must not include a path'],
    [
      { allowedClientDomains: Array.from({ length: 101 }, (_, i) => `h${i}.com`) },
      'allowedClientDomains',
      'must list at most 100 domains',
    ],
    [{ tokenLifetimes: 3600 }, 'tokenLifetimes', 'must be an object'],
    [
      { tokenLifetimes: { accessTokenSeconds: 59 } },
      'tokenLifetimes.accessTokenSeconds',
      'tokenLifetimes.accessTokenSeconds must be a whole number of seconds from 60 to 86400',
    ],
    [
      { tokenLifetimes: { accessTokenSeconds: 86_401 } },
      'tokenLifetimes.accessTokenSeconds',
      'from 60 to 86400',
    ],
    [
      { tokenLifetimes: { accessTokenSeconds: 90.5 } },
      'tokenLifetimes.accessTokenSeconds',
      'whole number',
    ],
    [
      { tokenLifetimes: { accessTokenSeconds: '3600' } },
      'tokenLifetimes.accessTokenSeconds',
      'whole number',
    ],
    [
      { tokenLifetimes: { refreshTokenSeconds: 3_599 } },
      'tokenLifetimes.refreshTokenSeconds',
      'seconds from 3600 to 7776000',
    ],
    [
      { tokenLifetimes: { refreshTokenSeconds: 90 * DAY_SECONDS + 1 } },
      'tokenLifetimes.refreshTokenSeconds',
      'from 3600 to 7776000',
    ],
    [
      { tokenLifetimes: { apiTokenMaxDays: 0 } },
      'tokenLifetimes.apiTokenMaxDays',
      'whole number of days from 1 to 365',
    ],
    [
      { tokenLifetimes: { apiTokenMaxDays: 366 } },
      'tokenLifetimes.apiTokenMaxDays',
      'from 1 to 365',
    ],
    [
      { tokenLifetimes: { apiTokenMaxDays: Number.POSITIVE_INFINITY } },
      'tokenLifetimes.apiTokenMaxDays',
      'whole number',
    ],
    [
      { tokenLifetimes: { idTokenSeconds: 60 } },
      'tokenLifetimes.idTokenSeconds',
      'is not a known setting',
    ],
    [{ registration: 'open' }, 'registration', 'must be an object'],
    [
      { registration: { mode: 'closed' } },
      'registration.mode',
      'registration.mode must be one of: open, off, rate_limited',
    ],
    [
      { registration: { maxPerHourPerIp: 0 } },
      'registration.maxPerHourPerIp',
      'whole number of registrations from 1 to 10000',
    ],
    [
      { registration: { maxPerHourPerIp: 10_001 } },
      'registration.maxPerHourPerIp',
      'from 1 to 10000',
    ],
    [
      { toolListingMode: 'all' },
      'toolListingMode',
      'toolListingMode must be one of: granted, grantable',
    ],
  ])('%j → %s', (input, field, message) => {
    const result = parseOrgSettings(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.field).toBe(field);
    expect(result.errors[0]?.message).toContain(message);
    if (field !== '') expect(result.errors[0]?.message.startsWith(`${field} `)).toBe(true);
  });

  it('reports every problem at once, one per unknown key', () => {
    const result = parseOrgSettings({
      a: 1,
      b: 2,
      toolListingMode: 'x',
      permissionGroups: { jsm: { search: true } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(
      ['a', 'b', 'permissionGroups.jsm.search', 'toolListingMode'].sort(),
    );
  });
});

describe('isGroupEnabled', () => {
  const settings = parsed({ permissionGroups: { jira: { write: false } } });

  it.each([
    ['jira', 'read', true],
    ['jira', 'write', false],
    ['confluence', 'write', true],
    ['compass', 'write', false],
    ['jsm', 'search', false],
  ] as const)('%s.%s → %s', (product, group, expected) => {
    expect(isGroupEnabled(settings, product, group)).toBe(expected);
  });
});
