import { COPY_JS_HREF } from './assets.js';
import { formatScopeList, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';

export interface ApiTokenCreatedPageOptions {
  nav: SafeHtml;
  /** The token itself. This page is the only place it is ever shown. */
  token: string;
  name: string;
  scopes: string[] | null;
  expiresAt: number;
}

/**
 * Shows a new API token exactly once, with a warning. The token sits in a read-only field a
 * person can select and copy without script; `/assets/copy.js` adds a working Copy button
 * (hidden until the script runs) and announces the result in a live region.
 */
export function renderApiTokenCreatedPage(options: ApiTokenCreatedPageOptions): string {
  const main = html`<h1>Your new API token</h1>
<div class="alert" role="alert"><strong>Copy this token now.</strong> It is shown only once: Gatehouse keeps only a fingerprint of it and cannot show it again. Anyone who has it can act as you, so keep it in a secret store, never in code.</div>
<div class="field">
<label for="api-token">API token "${options.name}"</label>
<div class="token-output">
<input id="api-token" type="text" readonly value="${options.token}" autocomplete="off" spellcheck="false" aria-describedby="copy-status">
<button type="button" class="button-primary" data-copy-target="api-token" data-copy-status="copy-status" hidden>Copy</button>
</div>
<p class="hint" id="copy-status" role="status" aria-live="polite"></p>
</div>
<ul class="facts">
<li>Scopes: ${formatScopeList(options.scopes)}</li>
<li>Expires: ${formatTime(options.expiresAt)}</li>
<li>Use it as <code>Authorization: Bearer &lt;token&gt;</code>, or with HTTP Basic as your email and the token.</li>
</ul>
<p><a href="/account">Back to your account</a></p>`;
  return renderLayout({
    title: 'Your new API token',
    main,
    width: 'wide',
    nav: options.nav,
    scripts: [COPY_JS_HREF],
  });
}
