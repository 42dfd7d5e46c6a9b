import { describe, expect, it } from 'vitest';
import { type ConsentPageOptions, renderConsentPage } from './consent-page.js';
import {
  attributeNames,
  expectSafeDocument,
  HOSTILE_VALUES,
  tagsNamed,
  textOf,
} from './test-page-checks.js';

const BASE: ConsentPageOptions = {
  action: '/interaction/abc123/consent',
  csrfToken: 'csrf-token-1',
  client: { name: 'Claude', registration: 'dynamic' },
  redirectHost: 'claude.ai',
  resource: { url: 'http://localhost:4001/mcp', name: 'Gatehouse MCP' },
  user: { email: 'bob@example.com' },
  groups: [
    {
      productName: 'Jira',
      items: [
        {
          scope: 'read:jira-work',
          sentence: 'See your Jira projects',
          isWrite: false,
          highImpact: false,
        },
        { scope: 'write:jira-work', sentence: 'Edit Jira issues', isWrite: true, highImpact: true },
      ],
    },
    {
      productName: 'Confluence',
      items: [
        {
          scope: 'read:confluence-content',
          sentence: 'See pages',
          isWrite: false,
          highImpact: false,
        },
      ],
    },
  ],
  unknownScopes: [],
  offlineAccess: false,
};

function render(overrides: Partial<ConsentPageOptions> = {}): string {
  return renderConsentPage({ ...BASE, ...overrides });
}

/** The `<li>` for one scope, whole. */
function scopeItem(doc: string, scope: string): string {
  return doc.match(new RegExp(`<li data-scope="${scope}">.*?</li>`))?.[0] ?? '';
}

describe('renderConsentPage: the contract', () => {
  const doc = render();
  const text = textOf(doc);

  it('is a safe document with one heading naming the client', () => {
    expectSafeDocument(doc);
    expect(doc).toContain('<h1>Claude wants to access your account</h1>');
  });

  it.each([
    ['the signed-in user', 'Signed in as bob@example.com'],
    ['the redirect host', 'It will send you back to claude.ai'],
    ['the resource', 'It will reach Gatehouse MCP (http://localhost:4001/mcp)'],
  ])('names %s', (_name, expected) => {
    expect(text).toContain(expected);
  });

  it('has one form with the CSRF token and Allow/Deny buttons', () => {
    expect(doc.match(/<form /g)).toHaveLength(1);
    expect(doc).toContain('<form method="post" action="/interaction/abc123/consent">');
    expect(doc).toContain('<input type="hidden" name="csrf" value="csrf-token-1">');
    const form = doc.slice(doc.indexOf('<form'), doc.indexOf('</form>'));
    expect(form).toMatch(
      /<button type="submit" name="decision" value="allow"[^>]*>Allow<\/button>/,
    );
    expect(form).toMatch(/<button type="submit" name="decision" value="deny"[^>]*>Deny<\/button>/);
  });

  it('puts Deny first in focus order, with nothing focusable between the two', () => {
    expect(tagsNamed(doc, 'button').map((tag) => tag.match(/value="(\w+)"/)?.[1])).toEqual([
      'deny',
      'allow',
    ]);
  });

  it('groups what it may do under product headings, as lists', () => {
    expect(doc).toMatch(/<h3>Jira<\/h3>\s*<ul class="scope-list">/);
    expect(doc).toMatch(/<h3>Confluence<\/h3>\s*<ul class="scope-list">/);
    expect(doc.indexOf('<h3>Jira</h3>')).toBeLessThan(doc.indexOf('<h3>Confluence</h3>'));
  });

  it.each([
    ['read:jira-work', false, false],
    ['write:jira-work', true, true],
    ['read:confluence-content', false, false],
  ])('marks %s as write: %s, emphasised: %s', (scope, isWrite, emphasised) => {
    const item = scopeItem(doc, scope);
    expect(item).not.toBe('');
    expect(item.includes('<span class="badge write">Can make changes</span>')).toBe(isWrite);
    expect(item.includes('<strong>')).toBe(emphasised);
  });

  it('shows neither offline access nor unknown scopes unless asked', () => {
    expect(doc).not.toContain('class="offline"');
    expect(doc).not.toContain('Other access');
  });
});

describe('renderConsentPage: how the client registered', () => {
  it.each([
    [
      { name: 'A', registration: 'dynamic' },
      'Self-registered app — we have not verified who publishes it.',
    ],
    [
      {
        name: 'A',
        registration: 'metadata_document',
        metadataDocumentUrl: 'https://app.example/client.json',
      },
      'Verified by its metadata document at https://app.example/client.json.',
    ],
    [{ name: 'A', registration: 'metadata_document' }, 'Verified by its metadata document.'],
    [{ name: 'A', registration: 'static' }, 'Registered by the administrators of this server.'],
  ] as const)('says so for %o', (client, expected) => {
    expect(textOf(render({ client }))).toContain(expected);
  });

  it('shows the client URI as text, never as a link', () => {
    const doc = render({
      client: { name: 'A', registration: 'dynamic', clientUri: 'javascript:alert(1)' },
    });
    expect(textOf(doc)).toContain('It says its website is javascript:alert(1)');
    expect(tagsNamed(doc, 'a').filter((tag) => tag.includes('javascript:'))).toEqual([]);
  });
});

describe('renderConsentPage: optional lines', () => {
  it('gives offline access its own line', () => {
    const doc = render({ offlineAccess: true });
    expect(doc).toMatch(/<p class="offline">It can stay connected when you are not using it/);
  });

  it('lists unknown scopes as sent', () => {
    const doc = render({ unknownScopes: ['admin:everything', 'x'] });
    expect(doc).toContain('<h3>Other access</h3>');
    expect(doc).toContain('<li><code>admin:everything</code></li><li><code>x</code></li>');
  });

  it.each([
    ['no groups', []],
    ['only empty groups', [{ productName: 'Jira', items: [] }]],
  ])('says nothing specific is asked with %s', (_name, groups) => {
    const doc = render({ groups });
    expect(doc).toContain('It has not asked for any specific permissions.');
    expect(doc).not.toContain('<h3>Jira</h3>');
  });
});

describe.each(HOSTILE_VALUES)('renderConsentPage with the hostile value %j', (hostile) => {
  const doc = renderConsentPage({
    ...BASE,
    csrfToken: hostile,
    client: {
      name: hostile,
      registration: 'metadata_document',
      clientUri: hostile,
      metadataDocumentUrl: hostile,
    },
    redirectHost: hostile,
    resource: { url: hostile, name: hostile },
    user: { email: hostile },
    groups: [
      {
        productName: hostile,
        items: [{ scope: hostile, sentence: hostile, isWrite: true, highImpact: true }],
      },
    ],
    unknownScopes: [hostile],
  });

  it('escapes it everywhere', () => {
    expectSafeDocument(doc);
    expect(doc).not.toContain(hostile);
  });

  it('keeps the buttons and the hidden input to their own attributes', () => {
    for (const button of tagsNamed(doc, 'button')) {
      expect(attributeNames(button)).toEqual(['type', 'name', 'value', 'class']);
    }
    const hidden = tagsNamed(doc, 'input')[0] ?? '';
    expect(attributeNames(hidden)).toEqual(['type', 'name', 'value']);
  });
});

describe('consent page: clients that receive the answer on this computer', () => {
  it.each([
    [true, true],
    [false, false],
    [undefined, false],
  ])('loopbackOnly %s → warning shown: %s', (loopbackOnly, shown) => {
    const client = { ...BASE.client, ...(loopbackOnly === undefined ? {} : { loopbackOnly }) };
    const page = renderConsentPage({ ...BASE, client });
    expect(page.includes('Any program running here could pose as it')).toBe(shown);
  });
});
