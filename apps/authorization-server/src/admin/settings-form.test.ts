import { DEFAULT_ORG_SETTINGS, parseOrgSettings } from '@gatehouse/policy';
import { describe, expect, it } from 'vitest';
import {
  readSettingsForm,
  settingsFormErrors,
  settingsFormValues,
  settingsInputFromForm,
} from './settings-form.js';

const base = { ...DEFAULT_ORG_SETTINGS, apiTokenAuthEnabled: true };

function submit(overrides: Record<string, unknown>) {
  const values = readSettingsForm({ ...formBody(), ...overrides });
  return { values, parsed: parseOrgSettings(settingsInputFromForm(values, base)) };
}

function formBody() {
  return { ...settingsFormValues(DEFAULT_ORG_SETTINGS) };
}

describe('settings form round trip', () => {
  it('shows the defaults and gives them back unchanged, keeping what the form does not show', () => {
    const { parsed } = submit({});
    expect(parsed).toEqual({ ok: true, settings: base });
  });

  it.each([
    [
      'a group switched off',
      { groups: formBody().groups.filter((g) => g !== 'jira.write') },
      (s: typeof base) => s.permissionGroups.jira.write,
      false,
    ],
    [
      'domains, one per line, blank lines ignored',
      { allowedClientDomains: ' claude.ai \r\n\n*.example.com\n' },
      (s: typeof base) => s.allowedClientDomains,
      ['claude.ai', '*.example.com'],
    ],
    [
      'the listing mode',
      { toolListingMode: 'grantable' },
      (s: typeof base) => s.toolListingMode,
      'grantable',
    ],
    [
      'the registration limit',
      { registrationMode: 'rate_limited', maxPerHourPerIp: ' 7 ' },
      (s: typeof base) => s.registration,
      { mode: 'rate_limited', maxPerHourPerIp: 7 },
    ],
  ])('applies %s', (_name, overrides, pick, expected) => {
    const { parsed } = submit(overrides);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(pick(parsed.settings)).toEqual(expected);
  });
});

describe('settingsFormErrors', () => {
  it.each([
    [
      'a bad domain, by the line the admin typed',
      { allowedClientDomains: 'claude.ai\n\nhttps://evil.example' },
      'allowedClientDomains',
      'Line 3: must not include a scheme such as https:// (got "https://evil.example")',
    ],
    [
      'an unknown listing mode',
      { toolListingMode: 'all' },
      'toolListingMode',
      'toolListingMode must be one of: granted, grantable',
    ],
    [
      'an unknown registration mode',
      { registrationMode: 'maybe' },
      'registrationMode',
      'registration.mode must be one of',
    ],
    [
      'an empty limit',
      { maxPerHourPerIp: '' },
      'maxPerHourPerIp',
      'must be a whole number of registrations',
    ],
    [
      'a limit that is not a number',
      { maxPerHourPerIp: 'lots' },
      'maxPerHourPerIp',
      'must be a whole number of registrations',
    ],
  ])('names the field for %s', (_name, overrides, field, message) => {
    const { values, parsed } = submit(overrides);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const errors = settingsFormErrors(parsed.errors, values);
      expect(errors[field as 'form']?.join(' ')).toContain(message);
    }
  });
});
