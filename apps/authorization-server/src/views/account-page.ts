import { actionButton, formatScopeList, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';

/** One API token in a list: never the token, only its hint. */
export interface ApiTokenRow {
  id: string;
  name: string;
  hint: string;
  /** `null`: every scope the org allows. */
  scopes: string[] | null;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  status: 'active' | 'expired' | 'revoked';
}

/** One app the user connected. */
export interface ConnectedAppRow {
  clientId: string;
  name: string;
  scopes: string[];
  connectedAt: number;
  lastUsedAt: number | null;
}

export interface AccountPageOptions {
  user: { name: string; email: string };
  nav: SafeHtml;
  csrfToken: string;
  tokens: ApiTokenRow[];
  apps: ConnectedAppRow[];
  /** Whether the org lets API tokens work right now. */
  apiTokenAuthEnabled: boolean;
  /** A confirmation of what just happened, from a fixed list of the server's own sentences. */
  notice?: string;
}

const STATUS_TEXT = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

function tokenRow(token: ApiTokenRow, csrfToken: string): SafeHtml {
  const revoke =
    token.status === 'active'
      ? actionButton({
          action: `/account/tokens/${encodeURIComponent(token.id)}/revoke`,
          csrfToken,
          label: 'Revoke',
          context: token.name,
          danger: true,
        })
      : '';
  return html`<tr data-token-id="${token.id}">
<th scope="row">${token.name}</th>
<td><code>${token.hint}</code></td>
<td>${formatScopeList(token.scopes)}</td>
<td>${formatTime(token.createdAt)}</td>
<td>${formatTime(token.expiresAt)}</td>
<td>${formatTime(token.lastUsedAt)}</td>
<td>${STATUS_TEXT[token.status]}</td>
<td>${revoke}</td>
</tr>`;
}

function renderTokens(options: AccountPageOptions): SafeHtml {
  const disabled = options.apiTokenAuthEnabled
    ? ''
    : html`<p class="notice unverified">Your organization's admin has turned API-token authentication off: API tokens do not work until it is turned on again. Apps connected with OAuth are not affected.</p>`;
  const table =
    options.tokens.length === 0
      ? html`<p>You have no API tokens.</p>`
      : html`<div class="table-wrap"><table>
<caption>Your API tokens, newest first</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Token</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
<tbody>${options.tokens.map((token) => tokenRow(token, options.csrfToken))}</tbody>
</table></div>`;
  return html`<h2 id="api-tokens">API tokens</h2>
<p>API tokens let scripts, CI jobs and bots use the MCP server as you, without a browser. Treat each one like a password.</p>
${disabled}
<p><a class="button-primary" href="/account/tokens/new">Create an API token</a></p>
${table}`;
}

function appRow(app: ConnectedAppRow, csrfToken: string): SafeHtml {
  return html`<tr>
<th scope="row">${app.name}</th>
<td>${formatScopeList(app.scopes)}</td>
<td>${formatTime(app.connectedAt)}</td>
<td>${formatTime(app.lastUsedAt)}</td>
<td>${actionButton({ action: '/account/apps/revoke', csrfToken, label: 'Disconnect', context: app.name, danger: true, fields: { clientId: app.clientId } })}</td>
</tr>`;
}

function renderApps(options: AccountPageOptions): SafeHtml {
  const table =
    options.apps.length === 0
      ? html`<p>You have not connected any apps.</p>`
      : html`<div class="table-wrap"><table>
<caption>Apps you allowed to use your account</caption>
<thead><tr><th scope="col">App</th><th scope="col">Access</th><th scope="col">Connected</th><th scope="col">Last used</th><th scope="col">Actions</th></tr></thead>
<tbody>${options.apps.map((app) => appRow(app, options.csrfToken))}</tbody>
</table></div>`;
  return html`<h2 id="connected-apps">Connected apps</h2>
<p>Disconnecting an app revokes its access at once, with every token it holds. It can ask you again later.</p>
${table}`;
}

/** `/account`: the signed-in user's API tokens and connected apps. */
export function renderAccountPage(options: AccountPageOptions): string {
  const main = html`<h1>Your account</h1>
<p class="lede">Signed in as <strong>${options.user.email}</strong></p>
${options.notice ? html`<p class="notice success" role="status">${options.notice}</p>` : ''}
${renderTokens(options)}
${renderApps(options)}`;
  return renderLayout({ title: 'Your account', main, width: 'full', nav: options.nav });
}
