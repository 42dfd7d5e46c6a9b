import { csrfField } from './format.js';
import { html, type SafeHtml } from './html.js';

/** Which part of the signed-in site a page belongs to. */
export type SiteSection = 'account' | 'admin';

/** The header navigation of signed-in pages: account, admin console (admins), sign out. */
export function renderSiteNav(options: {
  current: SiteSection;
  email: string;
  isAdmin: boolean;
  csrfToken: string;
}): SafeHtml {
  const current = (section: SiteSection) =>
    options.current === section ? html` aria-current="page"` : '';
  return html`<nav class="site-nav" aria-label="Site">
<ul>
<li><a href="/account"${current('account')}>Your account</a></li>
${options.isAdmin ? html`<li><a href="/admin"${current('admin')}>Admin console</a></li>` : ''}
<li><span class="muted">${options.email}</span></li>
<li><form method="post" action="/account/sign-out">${csrfField(options.csrfToken)}<button type="submit" class="link-button">Sign out</button></form></li>
</ul>
</nav>`;
}

/** The admin console's own sections. */
export type AdminSection = 'settings' | 'clients' | 'access' | 'audit';

const ADMIN_SECTIONS: ReadonlyArray<readonly [AdminSection, string, string]> = [
  ['settings', '/admin/settings', 'Settings'],
  ['clients', '/admin/clients', 'Registered apps'],
  ['access', '/admin/access', 'Tokens and connected apps'],
  ['audit', '/admin/audit', 'Audit log'],
];

/** The admin console's section links, under the page heading. */
export function renderAdminTabs(current: AdminSection): SafeHtml {
  return html`<nav class="site-nav" aria-label="Admin console">
<ul>
${ADMIN_SECTIONS.map(([section, href, label]) => html`<li><a href="${href}"${section === current ? html` aria-current="page"` : ''}>${label}</a></li>`)}
</ul>
</nav>`;
}
