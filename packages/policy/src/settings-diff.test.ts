import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS, type OrgSettings, parseOrgSettings } from './settings.js';
import { diffOrgSettings } from './settings-diff.js';

function settingsWith(input: Record<string, unknown>): OrgSettings {
  const result = parseOrgSettings(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.settings;
}

describe('diffOrgSettings', () => {
  it.each([
    ['nothing changed', {}, []],
    [
      'a top-level switch',
      { apiTokenAuthEnabled: true },
      [{ field: 'apiTokenAuthEnabled', oldValue: false, newValue: true }],
    ],
    [
      'a nested switch, named by its full path',
      { permissionGroups: { jira: { write: false } } },
      [{ field: 'permissionGroups.jira.write', oldValue: true, newValue: false }],
    ],
    [
      'a list, reported once with both whole lists',
      { allowedClientDomains: ['example.com'] },
      [{ field: 'allowedClientDomains', oldValue: [], newValue: ['example.com'] }],
    ],
    [
      'several fields, in schema order',
      {
        toolListingMode: 'grantable',
        registration: { mode: 'off' },
        tokenLifetimes: { accessTokenSeconds: 600 },
      },
      [
        { field: 'tokenLifetimes.accessTokenSeconds', oldValue: 3600, newValue: 600 },
        { field: 'registration.mode', oldValue: 'open', newValue: 'off' },
        { field: 'toolListingMode', oldValue: 'granted', newValue: 'grantable' },
      ],
    ],
  ])('%s', (_label, change, expected) => {
    expect(diffOrgSettings(DEFAULT_ORG_SETTINGS, settingsWith(change))).toEqual(expected);
  });

  it('sees equal lists as unchanged and a reordered list as changed', () => {
    const before = settingsWith({ allowedClientDomains: ['a.com', 'b.com'] });
    const same = settingsWith({ allowedClientDomains: ['a.com', 'b.com'] });
    const reordered = settingsWith({ allowedClientDomains: ['b.com', 'a.com'] });
    expect(diffOrgSettings(before, same)).toEqual([]);
    expect(diffOrgSettings(before, reordered)).toEqual([
      { field: 'allowedClientDomains', oldValue: ['a.com', 'b.com'], newValue: ['b.com', 'a.com'] },
    ]);
  });

  it('is symmetric: swapping the arguments swaps old and new', () => {
    const next = settingsWith({ permissionGroups: { compass: { read: false } } });
    expect(diffOrgSettings(next, DEFAULT_ORG_SETTINGS)).toEqual([
      { field: 'permissionGroups.compass.read', oldValue: false, newValue: true },
    ]);
  });
});
