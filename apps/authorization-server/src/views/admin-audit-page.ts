import { formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';
import { renderAdminTabs } from './site-nav.js';

/** One audit event as the table shows it. */
export interface AuditRow {
  seq: number;
  at: number;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  /** Who, readable: an email for users, else the id as stored, or "Unknown". */
  actor: string;
  clientId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AdminAuditPageOptions {
  nav: SafeHtml;
  values: { actor: string; action: string; outcome: string; from: string; to: string };
  errors: Partial<Record<'actor' | 'action' | 'outcome' | 'from' | 'to', string>>;
  rows: AuditRow[];
  /** Known actions, for the action field's suggestions. */
  actions: ReadonlyArray<readonly [string, string]>;
  /** Links the server built from the filters. */
  links: { next?: string; first?: string; export: string; json: string };
}

const OUTCOME_TEXT = { success: 'Success', failure: 'Failure', denied: 'Denied' } as const;

function textField(
  name: 'actor' | 'action' | 'from' | 'to',
  label: string,
  options: AdminAuditPageOptions,
  extra: SafeHtml | '' = '',
): SafeHtml {
  const error = options.errors[name];
  return html`<div class="field">
<label for="filter-${name}">${label}</label>
<input id="filter-${name}" name="${name}" type="text" value="${options.values[name]}"${extra}${error ? html` aria-describedby="filter-${name}-error" aria-invalid="true"` : ''}>
${error ? html`<p class="field-error" id="filter-${name}-error">${error}</p>` : ''}
</div>`;
}

function renderFilters(options: AdminAuditPageOptions): SafeHtml {
  const outcome = options.values.outcome;
  const option = (value: string, label: string) =>
    html`<option value="${value}"${outcome === value ? html` selected` : ''}>${label}</option>`;
  return html`<form method="get" action="/admin/audit" class="filters" aria-label="Filter the audit log">
${textField('actor', 'Actor (email or id)', options)}
${textField('action', 'Action', options, html` list="audit-actions"`)}
<datalist id="audit-actions">${options.actions.map(([action, label]) => html`<option value="${action}">${label}</option>`)}</datalist>
<div class="field">
<label for="filter-outcome">Outcome</label>
<select id="filter-outcome" name="outcome">${option('', 'Any')}${option('success', 'Success')}${option('failure', 'Failure')}${option('denied', 'Denied')}</select>
${options.errors.outcome ? html`<p class="field-error">${options.errors.outcome}</p>` : ''}
</div>
${textField('from', 'From (UTC)', options, html` placeholder="2025-11-26T09:00"`)}
${textField('to', 'To (UTC)', options, html` placeholder="2025-11-27T09:00"`)}
<div class="actions compact"><button type="submit" class="button-primary">Filter</button><a class="button-secondary" href="/admin/audit">Clear</a></div>
</form>`;
}

function auditRow(row: AuditRow): SafeHtml {
  const details = Object.keys(row.details).length === 0 ? '' : JSON.stringify(row.details);
  return html`<tr data-action="${row.action}">
<td>${formatTime(row.at)}</td>
<th scope="row">${row.action}</th>
<td>${OUTCOME_TEXT[row.outcome]}</td>
<td>${row.actor}</td>
<td>${row.clientId === null ? '' : html`<code>${row.clientId}</code>`}</td>
<td>${row.ip ?? ''}</td>
<td class="details">${details}</td>
</tr>`;
}

/** `/admin/audit`: the audit log, filtered and paged, with export and JSON links. */
export function renderAdminAuditPage(options: AdminAuditPageOptions): string {
  const { rows, links } = options;
  const table =
    rows.length === 0
      ? html`<p>No events match these filters.</p>`
      : html`<div class="table-wrap"><table>
<caption>Audit events, newest first</caption>
<thead><tr><th scope="col">Time</th><th scope="col">Action</th><th scope="col">Outcome</th><th scope="col">Actor</th><th scope="col">App</th><th scope="col">IP address</th><th scope="col">Details</th></tr></thead>
<tbody>${rows.map(auditRow)}</tbody>
</table></div>`;
  const main = html`<h1>Audit log</h1>
${renderAdminTabs('audit')}
<p>Every security-relevant event, tamper-evident: each record carries a hash over its content and the previous record's hash. Times are in UTC.</p>
${renderFilters(options)}
<p><a href="${links.export}">Download these events as JSON Lines</a> · <a href="${links.json}">The same query as JSON</a></p>
${table}
<nav class="pager" aria-label="Audit log pages">
${links.first ? html`<a href="${links.first}">Newest events</a>` : html`<span></span>`}
${links.next ? html`<a href="${links.next}">Older events</a>` : ''}
</nav>`;
  return renderLayout({ title: 'Audit log', main, width: 'full', nav: options.nav });
}
