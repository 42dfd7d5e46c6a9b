import type { ApiTokenRow, ConnectedAppRow } from './account-page.js';
import { actionButton, formatScopeList, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';
import { renderAdminTabs } from './site-nav.js';

/** One member of the org with everything that acts in their name. */
export interface UserAccessRow {
  userId: string;
  name: string;
  email: string;
  role: 'admin' | 'member';
  tokens: ApiTokenRow[];
  apps: ConnectedAppRow[];
}

export interface AdminAccessPageOptions {
  nav: SafeHtml;
  csrfToken: string;
  users: UserAccessRow[];
  notice?: string;
}

const STATUS_TEXT = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

function tokensTable(user: UserAccessRow, csrfToken: string): SafeHtml {
  if (user.tokens.length === 0) return html`<p>No API tokens.</p>`;
  return html`<div class="table-wrap"><table>
<caption>API tokens of ${user.email}</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Token</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
<tbody>${user.tokens.map(
    (token) => html`<tr data-token-id="${token.id}">
<th scope="row">${token.name}</th>
<td><code>${token.hint}</code></td>
<td>${formatScopeList(token.scopes)}</td>
<td>${formatTime(token.createdAt)}</td>
<td>${formatTime(token.expiresAt)}</td>
<td>${formatTime(token.lastUsedAt)}</td>
<td>${STATUS_TEXT[token.status]}</td>
<td>${token.status === 'active' ? actionButton({ action: `/admin/tokens/${encodeURIComponent(token.id)}/revoke`, csrfToken, label: 'Revoke', context: `${token.name} of ${user.email}`, danger: true }) : ''}</td>
</tr>`,
  )}</tbody>
</table></div>`;
}

function appsTable(user: UserAccessRow, csrfToken: string): SafeHtml {
  if (user.apps.length === 0) return html`<p>No connected apps.</p>`;
  return html`<div class="table-wrap"><table>
<caption>Apps ${user.email} connected</caption>
<thead><tr><th scope="col">App</th><th scope="col">Access</th><th scope="col">Connected</th><th scope="col">Last used</th><th scope="col">Actions</th></tr></thead>
<tbody>${user.apps.map(
    (app) => html`<tr>
<th scope="row">${app.name}</th>
<td>${formatScopeList(app.scopes)}</td>
<td>${formatTime(app.connectedAt)}</td>
<td>${formatTime(app.lastUsedAt)}</td>
<td>${actionButton({ action: '/admin/apps/revoke', csrfToken, label: 'Revoke', context: `${app.name} for ${user.email}`, danger: true, fields: { accountId: user.userId, clientId: app.clientId } })}</td>
</tr>`,
  )}</tbody>
</table></div>`;
}

/** `/admin/access`: every member's API tokens and connected apps, with revoke. */
export function renderAdminAccessPage(options: AdminAccessPageOptions): string {
  const main = html`<h1>Tokens and connected apps</h1>
${renderAdminTabs('access')}
${options.notice ? html`<p class="notice success" role="status">${options.notice}</p>` : ''}
${options.users.map(
  (user) => html`<section aria-labelledby="user-${user.userId}">
<h2 id="user-${user.userId}">${user.name} <span class="muted">(${user.email}${user.role === 'admin' ? ', admin' : ''})</span></h2>
<h3>API tokens</h3>
${tokensTable(user, options.csrfToken)}
<h3>Connected apps</h3>
${appsTable(user, options.csrfToken)}
</section>`,
)}`;
  return renderLayout({
    title: 'Tokens and connected apps',
    main,
    width: 'full',
    nav: options.nav,
  });
}
