import { DEFAULT_ORG_SETTINGS } from '@gatehouse/policy';
import { describe, expect, it } from 'vitest';
import { renderAdminAuditPage } from './admin-audit-page.js';
import { renderAdminClientsPage } from './admin-clients-page.js';
import {
  type AdminSettingsPageOptions,
  renderAdminSettingsPage,
  renderApiTokenAuthConfirmPage,
} from './admin-settings-page.js';
import { html } from './html.js';
import { expectSafeDocument, HOSTILE_VALUES, tagWithId, textOf } from './test-page-checks.js';

const nav = html`<nav class="site-nav" aria-label="Site"></nav>`;

const SETTINGS: AdminSettingsPageOptions = {
  nav,
  csrfToken: 'csrf-1',
  version: 4,
  values: {
    groups: ['jira.read'],
    allowedClientDomains: 'claude.ai',
    toolListingMode: 'granted',
    registrationMode: 'open',
    maxPerHourPerIp: '20',
  },
  errors: {},
  apiTokenAuth: { enabled: false, activeTokens: 3 },
};

describe('renderAdminSettingsPage', () => {
  it('carries the version it shows, and one switch for API-token authentication', () => {
    const doc = renderAdminSettingsPage(SETTINGS);
    expectSafeDocument(doc);
    expect(doc.match(/<input type="hidden" name="version" value="4">/g)).toHaveLength(2);
    expect(doc).toContain('<input type="hidden" name="enabled" value="true">');
    expect(textOf(doc)).toContain('Status: Off · 3 active API tokens in your organization.');
    expect(tagWithId(doc, 'group-jira-read')).toContain('checked');
    expect(tagWithId(doc, 'group-jira-write')).not.toContain('checked');
  });

  it('names the current version on a conflict and lists what was not saved', () => {
    const doc = renderAdminSettingsPage({
      ...SETTINGS,
      conflict: {
        currentVersion: 5,
        unsaved: [{ field: 'permissionGroups.jira.write', oldValue: true, newValue: false }],
      },
    });
    expect(textOf(doc)).toContain(
      'Someone else changed these settings while you were editing (now version 5). Review the current values and apply your change again.',
    );
    expect(textOf(doc)).toContain('permissionGroups.jira.write: yours false, now true');
  });

  it('ties field errors to their controls', () => {
    const doc = renderAdminSettingsPage({
      ...SETTINGS,
      errors: { allowedClientDomains: ['Line 2: must not include a path'] },
    });
    expect(tagWithId(doc, 'allowedClientDomains')).toContain(
      'aria-describedby="allowedClientDomains-error allowedClientDomains-hint" aria-invalid="true"',
    );
    expect(doc).toContain('<p class="field-error">Line 2: must not include a path</p>');
    expect(doc).toContain('Nothing was saved. Fix the fields marked below.');
  });
});

describe('renderApiTokenAuthConfirmPage', () => {
  it.each([
    [
      true,
      '2 active API tokens (of 1 person) will start working at once',
      'Turn on API-token authentication',
    ],
    [
      false,
      '2 active API tokens (of 1 person) will stop working at once',
      'Turn off API-token authentication',
    ],
  ])(
    'says what switching (on: %s) does, and confirms with the version',
    (enable, sentence, button) => {
      const doc = renderApiTokenAuthConfirmPage({
        nav,
        csrfToken: 'c',
        version: 4,
        enable,
        activeTokens: 2,
        tokenOwners: 1,
      });
      expectSafeDocument(doc);
      expect(textOf(doc)).toContain(sentence);
      expect(doc).toContain('<input type="hidden" name="confirm" value="yes">');
      expect(doc).toContain(`>${button}</button>`);
      expect(doc).toContain('<a class="button-secondary" href="/admin/settings">Cancel</a>');
    },
  );
});

describe.each(HOSTILE_VALUES)('admin pages with the hostile value %j', (hostile) => {
  it('escape it in client metadata, audit details and form values', () => {
    const docs = [
      renderAdminClientsPage({
        nav,
        csrfToken: hostile,
        clients: [
          {
            clientId: hostile,
            name: hostile,
            registration: 'dynamic',
            redirectHosts: [hostile],
            createdAt: 0,
            lastUsedAt: null,
            blocked: true,
          },
        ],
      }),
      renderAdminAuditPage({
        nav,
        values: { actor: hostile, action: hostile, outcome: hostile, from: hostile, to: hostile },
        errors: { from: hostile },
        rows: [
          {
            seq: 1,
            at: 0,
            action: hostile,
            outcome: 'denied',
            actor: hostile,
            clientId: hostile,
            ip: hostile,
            details: { x: hostile },
          },
        ],
        actions: [[hostile, hostile]],
        links: { export: '/admin/audit/export.jsonl', json: '/admin/api/audit' },
      }),
      renderAdminSettingsPage({
        ...SETTINGS,
        csrfToken: hostile,
        values: { ...SETTINGS.values, allowedClientDomains: hostile, maxPerHourPerIp: hostile },
        errors: { form: [hostile] },
      }),
    ];
    for (const doc of docs) {
      expectSafeDocument(doc);
      expect(doc).not.toContain(hostile);
    }
  });
});

describe('renderAdminSettingsPage defaults', () => {
  it('lists a switch for every permission group of every product', () => {
    const doc = renderAdminSettingsPage(SETTINGS);
    const count = Object.values(DEFAULT_ORG_SETTINGS.permissionGroups).flatMap(Object.keys).length;
    expect(doc.match(/name="groups"/g)).toHaveLength(count);
  });
});
