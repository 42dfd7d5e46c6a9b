import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';

/** The admin console refused to someone signed in who is not an org admin. */
export function renderForbiddenPage(options: { email: string; nav: SafeHtml }): string {
  const main = html`<h1>Only organization admins can open the admin console</h1>
<p>You are signed in as <strong>${options.email}</strong>, which is not an admin of this organization. If you need a setting changed, ask one of your organization's admins.</p>
<p><a href="/account">Go to your account</a></p>
<p class="status muted">Error 403</p>`;
  return renderLayout({ title: 'Admins only', main, nav: options.nav });
}
