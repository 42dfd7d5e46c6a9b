import { describe, expect, it } from 'vitest';
import { type AccountPageOptions, renderAccountPage } from './account-page.js';
import { renderApiTokenCreatedPage } from './api-token-created-page.js';
import { renderApiTokenFormPage } from './api-token-form-page.js';
import { renderForbiddenPage } from './forbidden-page.js';
import { html } from './html.js';
import {
  attributeNames,
  expectSafeDocument,
  HOSTILE_VALUES,
  tagsNamed,
  tagWithId,
  textOf,
} from './test-page-checks.js';

const nav = html`<nav class="site-nav" aria-label="Site"></nav>`;
const TOKEN = `gat_${'A'.repeat(43)}_abcdef`;

const ACCOUNT: AccountPageOptions = {
  user: { name: 'Alice', email: 'alice@example.com' },
  nav,
  csrfToken: 'csrf-1',
  tokens: [
    {
      id: 'tok_1',
      name: 'CI',
      hint: 'gat_AAAA…',
      scopes: ['read:jsm'],
      createdAt: Date.UTC(2025, 10, 1, 9, 30),
      expiresAt: Date.UTC(2025, 11, 1),
      lastUsedAt: null,
      status: 'active',
    },
    {
      ...{ id: 'tok_2', name: 'Old', hint: 'gat_BBBB…', scopes: null },
      createdAt: 0,
      expiresAt: 1,
      lastUsedAt: 1,
      status: 'revoked',
    },
  ],
  apps: [
    {
      clientId: 'c1',
      name: 'Claude',
      scopes: ['read:jira-work'],
      connectedAt: 0,
      lastUsedAt: null,
    },
  ],
  apiTokenAuthEnabled: true,
};

describe('renderAccountPage', () => {
  const doc = renderAccountPage(ACCOUNT);

  it('is a safe document with tables that have column and row headers', () => {
    expectSafeDocument(doc);
    expect(doc.match(/<th scope="col">/g)?.length).toBe(13);
    expect(doc).toMatch(/<th scope="row">CI<\/th>/);
    expect(doc).toContain('<caption>Your API tokens, newest first</caption>');
  });

  it('shows hints and times, never a token, and offers Revoke only for active tokens', () => {
    expect(textOf(doc)).toContain('gat_AAAA…');
    expect(doc).toContain('<time datetime="2025-11-01T09:30:00.000Z">2025-11-01 09:30 UTC</time>');
    expect(doc).toContain('action="/account/tokens/tok_1/revoke"');
    expect(doc).not.toContain('/account/tokens/tok_2/revoke');
    expect(
      tagsNamed(doc, 'button').filter((b) => b.includes('aria-label="Revoke CI"')),
    ).toHaveLength(1);
  });

  it.each([
    [true, false],
    [false, true],
  ])(
    'warns that tokens do not work only while API-token auth is off (on: %s)',
    (enabled, warned) => {
      const out = renderAccountPage({ ...ACCOUNT, apiTokenAuthEnabled: enabled });
      expect(textOf(out).includes('turned API-token authentication off')).toBe(warned);
    },
  );

  it('puts the session CSRF token in every form', () => {
    const forms = doc.match(/<form [^>]*>/g) ?? [];
    expect(forms.length).toBe(2);
    expect(doc.match(/<input type="hidden" name="csrf" value="csrf-1">/g)).toHaveLength(2);
  });
});

describe('renderApiTokenCreatedPage', () => {
  const doc = renderApiTokenCreatedPage({
    nav,
    token: TOKEN,
    name: 'CI',
    scopes: null,
    expiresAt: 0,
  });

  it('loads only the copy script, deferred, and no inline script', () => {
    expect(doc.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/copy.js" defer>']);
    expect(doc).toContain('<script src="/assets/copy.js" defer></script>');
  });

  it('shows the token in a read-only field with a label, a warning, and a hidden Copy button', () => {
    const input = tagWithId(doc, 'api-token');
    expect(input).toContain(`value="${TOKEN}"`);
    expect(input).toContain('readonly');
    expect(doc).toContain('<label for="api-token">API token "CI"</label>');
    expect(doc).toMatch(
      /<div class="alert" role="alert"><strong>Copy this token now.<\/strong> It is shown only once/,
    );
    const button = tagsNamed(doc, 'button').find((b) => b.includes('data-copy-target')) ?? '';
    expect(button).toContain('hidden');
    expect(tagWithId(doc, 'copy-status')).toContain('aria-live="polite"');
  });
});

describe('renderApiTokenFormPage', () => {
  const base = {
    nav,
    csrfToken: 'csrf-1',
    values: { name: '', expiresInDays: '30', scopes: ['read:jsm'] },
    errors: {},
    groups: [
      {
        productName: 'Jira Service Management',
        scopes: [{ scope: 'read:jsm', sentence: 'See requests' }],
      },
    ],
    maxDays: 90,
    apiTokenAuthEnabled: true,
  };

  it('labels every field, keeps choices, and bounds the days by the org maximum', () => {
    const doc = renderApiTokenFormPage(base);
    expectSafeDocument(doc);
    expect(doc).toContain('<label for="name">Name</label>');
    expect(tagWithId(doc, 'expiresInDays')).toContain('max="90"');
    expect(tagWithId(doc, 'scope-read-jsm')).toContain('checked');
    expect(doc).not.toContain('role="alert"');
  });

  it('ties each error to its field and announces that nothing was created', () => {
    const doc = renderApiTokenFormPage({ ...base, errors: { name: 'Give the token a name.' } });
    expect(doc).toContain('<div class="alert" role="alert">The token was not created.');
    expect(tagWithId(doc, 'name')).toContain(
      'aria-describedby="name-error name-hint" aria-invalid="true"',
    );
    expect(tagWithId(doc, 'name-error')).toContain('class="field-error"');
  });
});

describe('renderForbiddenPage', () => {
  it('says who is signed in and that only admins may enter', () => {
    const doc = renderForbiddenPage({ email: 'bob@example.com', nav });
    expectSafeDocument(doc);
    expect(textOf(doc)).toContain('Only organization admins can open the admin console');
    expect(textOf(doc)).toContain('You are signed in as bob@example.com');
  });
});

describe.each(HOSTILE_VALUES)('account pages with the hostile value %j', (hostile) => {
  it('escapes it in every field a user or client controls', () => {
    const account = renderAccountPage({
      ...ACCOUNT,
      user: { name: hostile, email: hostile },
      tokens: [
        {
          ...ACCOUNT.tokens[0],
          id: hostile,
          name: hostile,
          hint: hostile,
          scopes: [hostile],
        } as never,
      ],
      apps: [
        { clientId: hostile, name: hostile, scopes: [hostile], connectedAt: 0, lastUsedAt: 0 },
      ],
    });
    const created = renderApiTokenCreatedPage({
      nav,
      token: hostile,
      name: hostile,
      scopes: [hostile],
      expiresAt: 0,
    });
    for (const doc of [account, created]) {
      expect(doc).not.toContain(hostile);
      for (const input of tagsNamed(doc, 'input')) {
        expect(attributeNames(input).every((name) => /^[a-z-]+$/.test(name))).toBe(true);
      }
    }
    expectSafeDocument(account);
  });
});
