import { APP_CSS_HREF } from './assets.js';
import { html, type SafeHtml, unsafeRaw } from './html.js';

/** The product name shown in every page's header and title. */
export const PRODUCT_NAME = 'Gatehouse';

/** What every page passes to `renderLayout`. */
export interface LayoutOptions {
  /** The page's own title, plain text; the document title becomes "{title} · Gatehouse". */
  title: string;
  /** The page's content, placed inside `<main id="main">`. */
  main: SafeHtml;
  /** Document language. Only English exists so far. */
  lang?: 'en';
  /**
   * Card width: `narrow` (default) for short forms, `wide` for the consent screen, `full` for
   * the account and admin pages with tables.
   */
  width?: 'narrow' | 'wide' | 'full';
  /** Navigation for signed-in pages, placed in the header after the product name. */
  nav?: SafeHtml;
  /**
   * External scripts, loaded with `defer`. Server-built asset paths only (CSP: `script-src
   * 'self'`); pages must work without them.
   */
  scripts?: readonly string[];
}

const DOCTYPE = unsafeRaw('<!doctype html>');

/**
 * Wraps a page's content in the full HTML5 document every page shares: charset, viewport, the
 * one stylesheet, a skip link, the product header and `<main>`. It adds no inline script and no
 * `style=` attribute, so pages work under `default-src 'none'; style-src 'self'`.
 */
export function renderLayout({
  title,
  main,
  lang = 'en',
  width = 'narrow',
  nav,
  scripts = [],
}: LayoutOptions): string {
  return html`${DOCTYPE}
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex, nofollow">
<title>${title} · ${PRODUCT_NAME}</title>
<link rel="stylesheet" href="${APP_CSS_HREF}">
${scripts.map((src) => html`<script src="${src}" defer></script>\n`)}</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><span class="brand">${PRODUCT_NAME}</span>${nav ?? ''}</header>
<main id="main" tabindex="-1"${width === 'narrow' ? '' : html` class="${width}"`}>
${main}
</main>
</body>
</html>
`.toString();
}
