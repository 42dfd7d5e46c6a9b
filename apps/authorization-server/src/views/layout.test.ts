import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSS_HREF, APP_CSS_PATH } from './assets.js';
import { html } from './html.js';
import { renderLayout } from './layout.js';
import { expectSafeDocument, HOSTILE_VALUES, tagWithId } from './test-page-checks.js';

describe('renderLayout', () => {
  const doc = renderLayout({ title: 'Sign in', main: html`<h1>Sign in</h1>` });

  it('renders a safe HTML5 document', () => {
    expectSafeDocument(doc);
  });

  it.each([
    ['charset', '<meta charset="utf-8">'],
    ['viewport', '<meta name="viewport" content="width=device-width, initial-scale=1">'],
    ['title with the product name', '<title>Sign in · Gatehouse</title>'],
    ['language', '<html lang="en">'],
    ['skip link to main', '<a class="skip-link" href="#main">'],
    ['product header', '<span class="brand">Gatehouse</span>'],
  ])('has the %s', (_name, expected) => {
    expect(doc).toContain(expected);
  });

  it('puts the page content inside <main id="main">', () => {
    expect(tagWithId(doc, 'main')).toMatch(/^<main /);
    expect(doc).toMatch(/<main[^>]*>\s*<h1>Sign in<\/h1>\s*<\/main>/);
  });

  it.each([
    ['narrow', undefined],
    ['wide', 'class="wide"'],
    ['full', 'class="full"'],
  ] as const)('marks a %s card only when asked', (width, marker) => {
    const out = renderLayout({ title: 't', main: html`<h1>t</h1>`, width });
    const main = tagWithId(out, 'main');
    if (marker === undefined) expect(main).not.toContain('class=');
    else expect(main).toContain(marker);
  });

  it('puts navigation in the header and external scripts in the head, deferred', () => {
    const out = renderLayout({
      title: 't',
      main: html`<h1>t</h1>`,
      nav: html`<nav aria-label="Account">x</nav>`,
      scripts: ['/assets/copy.js'],
    });
    expect(out).toMatch(
      /<header class="site-header">.*<nav aria-label="Account">x<\/nav><\/header>/,
    );
    expect(out).toMatch(/<script src="\/assets\/copy.js" defer><\/script>\s*<\/head>/);
    expect(out.match(/<script/g)).toHaveLength(1);
  });

  it.each(HOSTILE_VALUES)('escapes a hostile title %j', (title) => {
    const out = renderLayout({ title, main: html`<h1>x</h1>` });
    expectSafeDocument(out);
    expect(out).not.toContain(title);
  });
});

describe('app.css', () => {
  const css = readFileSync(APP_CSS_PATH, 'utf8');

  it('lives at an absolute path the app can serve', () => {
    expect(isAbsolute(APP_CSS_PATH)).toBe(true);
    expect(existsSync(APP_CSS_PATH)).toBe(true);
    expect(APP_CSS_HREF).toBe('/assets/app.css');
  });

  it('loads nothing from elsewhere (CSP allows only self)', () => {
    expect(css).not.toMatch(/@import|url\(/i);
  });

  it.each([
    ['a dark colour scheme', /@media \(prefers-color-scheme: dark\)/],
    ['visible focus rings', /:focus-visible\s*\{[^}]*outline: 3px solid/],
    ['a small-screen layout', /@media \(max-width: 30rem\)/],
    ['a write badge style', /\.badge\.write\s*\{/],
    ['an error alert style', /\.alert\s*\{/],
  ])('has %s', (_name, pattern) => {
    expect(css).toMatch(pattern);
  });
});
