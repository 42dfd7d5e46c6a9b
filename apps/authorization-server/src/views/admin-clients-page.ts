import { actionButton, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';
import { renderAdminTabs } from './site-nav.js';

/** One client row; all text is client-supplied or ours, escaped either way. */
export interface ClientRow {
  clientId: string;
  name: string;
  registration: 'dynamic' | 'metadata_document' | 'static';
  redirectHosts: string[];
  createdAt: number | null;
  lastUsedAt: number | null;
  blocked: boolean;
}

export interface AdminClientsPageOptions {
  nav: SafeHtml;
  csrfToken: string;
  clients: ClientRow[];
  notice?: string;
}

const HOW_REGISTERED = {
  dynamic: 'Registered itself (dynamic registration)',
  metadata_document: 'Metadata document',
  static: 'Configured on this server',
} as const;

function actions(client: ClientRow, csrfToken: string): SafeHtml | string {
  if (client.registration === 'static') return 'None (built in)';
  const base = `/admin/clients/${encodeURIComponent(client.clientId)}`;
  return html`<div class="actions compact">
${actionButton({ action: `${base}/${client.blocked ? 'unblock' : 'block'}`, csrfToken, label: client.blocked ? 'Unblock' : 'Block', context: client.name })}
${actionButton({ action: `${base}/delete`, csrfToken, label: 'Delete', context: client.name, danger: true })}
</div>`;
}

function clientRow(client: ClientRow, csrfToken: string): SafeHtml {
  return html`<tr data-client-id="${client.clientId}">
<th scope="row">${client.name}<br><code class="muted">${client.clientId}</code></th>
<td>${HOW_REGISTERED[client.registration]}</td>
<td>${client.redirectHosts.length === 0 ? 'None' : client.redirectHosts.map((host, i) => html`${i > 0 ? ', ' : ''}<code>${host}</code>`)}</td>
<td>${formatTime(client.createdAt, 'Unknown')}</td>
<td>${formatTime(client.lastUsedAt)}</td>
<td>${client.blocked ? html`<span class="badge off">Blocked</span>` : 'Allowed'}</td>
<td>${actions(client, csrfToken)}</td>
</tr>`;
}

/** `/admin/clients`: every registered client, with block and delete. */
export function renderAdminClientsPage(options: AdminClientsPageOptions): string {
  const main = html`<h1>Registered apps</h1>
${renderAdminTabs('clients')}
${options.notice ? html`<p class="notice success" role="status">${options.notice}</p>` : ''}
<p>Blocking an app stops it at once: it cannot sign anyone in or get tokens, and the access it had is revoked. Deleting it also removes its registration; it may register again unless registration is off.</p>
<div class="table-wrap"><table>
<caption>Every app known to this server, newest registration first</caption>
<thead><tr><th scope="col">App</th><th scope="col">How it registered</th><th scope="col">Redirects to</th><th scope="col">Registered</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
<tbody>${options.clients.map((client) => clientRow(client, options.csrfToken))}</tbody>
</table></div>`;
  return renderLayout({ title: 'Registered apps', main, width: 'full', nav: options.nav });
}
