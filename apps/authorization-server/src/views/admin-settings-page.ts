import {
  PRODUCT_DISPLAY_NAMES,
  PRODUCT_PERMISSION_GROUPS,
  PRODUCTS,
  type SettingsChange,
} from '@gatehouse/policy';
import { csrfField } from './format.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';
import { renderAdminTabs } from './site-nav.js';

export interface AdminSettingsPageOptions {
  nav: SafeHtml;
  csrfToken: string;
  /** The stored version the form shows; sent back so a concurrent change is detected. */
  version: number;
  values: {
    groups: readonly string[];
    allowedClientDomains: string;
    toolListingMode: string;
    registrationMode: string;
    maxPerHourPerIp: string;
  };
  errors: Partial<
    Record<
      | 'groups'
      | 'allowedClientDomains'
      | 'toolListingMode'
      | 'registrationMode'
      | 'maxPerHourPerIp'
      | 'form',
      string[]
    >
  >;
  apiTokenAuth: { enabled: boolean; activeTokens: number };
  notice?: string;
  /** Someone else wrote first: the page shows the current values and what was not saved. */
  conflict?: { currentVersion: number; unsaved: SettingsChange[] };
}

const GROUP_LABELS = { read: 'Read', write: 'Write', search: 'Search' } as const;

function errorList(id: string, messages: readonly string[] | undefined): SafeHtml | '' {
  if (!messages || messages.length === 0) return '';
  return html`<div id="${id}-error">${messages.map((message) => html`<p class="field-error">${message}</p>`)}</div>`;
}

function invalidAttrs(id: string, messages: readonly string[] | undefined): SafeHtml | '' {
  return messages && messages.length > 0
    ? html` aria-describedby="${id}-error ${id}-hint" aria-invalid="true"`
    : html` aria-describedby="${id}-hint"`;
}

function renderApiTokenAuth(options: AdminSettingsPageOptions): SafeHtml {
  const { enabled, activeTokens } = options.apiTokenAuth;
  return html`<section aria-labelledby="api-token-auth">
<h2 id="api-token-auth">API-token authentication</h2>
<p>Status: ${enabled ? html`<span class="badge on">On</span>` : html`<span class="badge off">Off</span>`} · ${activeTokens} active API token${activeTokens === 1 ? '' : 's'} in your organization.</p>
<p class="hint">API tokens let scripts and bots use the MCP server without a browser. Service desk and Bitbucket tools work only with them.</p>
<form method="post" action="/admin/settings/api-token-auth">
${csrfField(options.csrfToken)}
<input type="hidden" name="version" value="${options.version}">
<input type="hidden" name="enabled" value="${enabled ? 'false' : 'true'}">
<div class="actions compact"><button type="submit" class="${enabled ? 'button-danger' : 'button-primary'}">${enabled ? 'Turn off API-token authentication…' : 'Turn on API-token authentication…'}</button></div>
</form>
</section>`;
}

function renderGroups(options: AdminSettingsPageOptions): SafeHtml {
  return html`<fieldset aria-describedby="groups-hint">
<legend>Permission groups</legend>
<p class="hint" id="groups-hint">What apps and API tokens may do in each product. A group switched off is refused to everyone, whatever their scopes.</p>
${errorList('groups', options.errors.groups)}
<div class="choices-grid">
${PRODUCTS.map((product) =>
  PRODUCT_PERMISSION_GROUPS[product].map((group) => {
    const id = `group-${product}-${group}`;
    const value = `${product}.${group}`;
    const checked = options.values.groups.includes(value) ? html` checked` : '';
    return html`<div class="choice"><input type="checkbox" id="${id}" name="groups" value="${value}"${checked}><label for="${id}">${PRODUCT_DISPLAY_NAMES[product]}: ${GROUP_LABELS[group]}</label></div>`;
  }),
)}
</div>
</fieldset>`;
}

function renderDomains(options: AdminSettingsPageOptions): SafeHtml {
  const errors = options.errors.allowedClientDomains;
  return html`<div class="field">
<label for="allowedClientDomains">Allowed client domains</label>
<p class="hint" id="allowedClientDomains-hint">One per line, such as <code>claude.ai</code> or <code>*.example.com</code>. Leave empty to let apps from any domain connect. When the list is not empty, an app may register and sign people in only if every address it redirects to is on a listed domain: desktop and command-line apps that redirect to this computer need <code>localhost</code> or <code>127.0.0.1</code> listed, and apps that redirect to an app link (such as <code>cursor://</code>) cannot connect.</p>
${errorList('allowedClientDomains', errors)}
<textarea id="allowedClientDomains" name="allowedClientDomains" rows="5" spellcheck="false"${invalidAttrs('allowedClientDomains', errors)}>${options.values.allowedClientDomains}</textarea>
</div>`;
}

function radio(
  name: string,
  value: string,
  current: string,
  label: string,
  hint: string,
): SafeHtml {
  const id = `${name}-${value}`;
  return html`<div class="choice"><input type="radio" id="${id}" name="${name}" value="${value}"${current === value ? html` checked` : ''}><label for="${id}">${label} <span class="hint">${hint}</span></label></div>`;
}

function renderListingAndRegistration(options: AdminSettingsPageOptions): SafeHtml {
  const { values, errors } = options;
  return html`<fieldset>
<legend>Tool listing</legend>
${errorList('toolListingMode', errors.toolListingMode)}
${radio('toolListingMode', 'granted', values.toolListingMode, 'Granted', 'List only the tools a credential may call now.')}
${radio('toolListingMode', 'grantable', values.toolListingMode, 'Grantable', 'Also list tools an OAuth app could get by asking for more scopes.')}
</fieldset>
<fieldset>
<legend>Dynamic client registration</legend>
${errorList('registrationMode', errors.registrationMode)}
${radio('registrationMode', 'open', values.registrationMode, 'Open', 'Any app may register itself.')}
${radio('registrationMode', 'rate_limited', values.registrationMode, 'Rate limited', 'Any app may register, a limited number per hour from one address.')}
${radio('registrationMode', 'off', values.registrationMode, 'Off', 'No new app may register itself.')}
<div class="field">
<label for="maxPerHourPerIp">Registrations per hour from one address (when rate limited)</label>
<p class="hint" id="maxPerHourPerIp-hint">A whole number from 1 to 10000.</p>
${errorList('maxPerHourPerIp', errors.maxPerHourPerIp)}
<input id="maxPerHourPerIp" name="maxPerHourPerIp" type="number" min="1" max="10000" step="1" value="${values.maxPerHourPerIp}"${invalidAttrs('maxPerHourPerIp', errors.maxPerHourPerIp)}>
</div>
</fieldset>`;
}

function renderMessages(options: AdminSettingsPageOptions): SafeHtml {
  const { conflict, errors, notice } = options;
  const invalid = Object.values(errors).some((messages) => messages && messages.length > 0);
  return html`${notice ? html`<p class="notice success" role="status">${notice}</p>` : ''}
${conflict ? html`<div class="alert" role="alert"><p>Someone else changed these settings while you were editing (now version ${conflict.currentVersion}). Review the current values and apply your change again.</p>${conflict.unsaved.length > 0 ? html`<p>Nothing of yours was saved. Where your form differs from the current settings:</p><ul>${conflict.unsaved.map((change) => html`<li><code>${change.field}</code>: yours ${JSON.stringify(change.newValue)}, now ${JSON.stringify(change.oldValue)}</li>`)}</ul>` : ''}</div>` : ''}
${invalid ? html`<div class="alert" role="alert">Nothing was saved. Fix the fields marked below.${errorList('form', errors.form)}</div>` : ''}`;
}

/** `/admin/settings`: the org's settings, one versioned form plus the API-token switch. */
export function renderAdminSettingsPage(options: AdminSettingsPageOptions): string {
  const main = html`<h1>Organization settings</h1>
${renderAdminTabs('settings')}
${renderMessages(options)}
${renderApiTokenAuth(options)}
<section aria-labelledby="access-settings">
<h2 id="access-settings">Access</h2>
<form method="post" action="/admin/settings">
${csrfField(options.csrfToken)}
<input type="hidden" name="version" value="${options.version}">
${renderGroups(options)}
${renderDomains(options)}
${renderListingAndRegistration(options)}
<div class="actions"><button type="submit" class="button-primary">Save settings</button></div>
</form>
</section>`;
  return renderLayout({ title: 'Organization settings', main, width: 'full', nav: options.nav });
}

export interface ApiTokenAuthConfirmOptions {
  nav: SafeHtml;
  csrfToken: string;
  version: number;
  /** The state the admin asked for. */
  enable: boolean;
  activeTokens: number;
  tokenOwners: number;
}

/** Says what switching API-token authentication will break or enable, before it happens. */
export function renderApiTokenAuthConfirmPage(options: ApiTokenAuthConfirmOptions): string {
  const { enable, activeTokens, tokenOwners } = options;
  const tokens = `${activeTokens} active API token${activeTokens === 1 ? '' : 's'}`;
  const owners = `${tokenOwners} ${tokenOwners === 1 ? 'person' : 'people'}`;
  const title = enable ? 'Turn on API-token authentication?' : 'Turn off API-token authentication?';
  const consequences = enable
    ? html`<ul>
<li>${tokens} (of ${owners}) will start working at once, on every server.</li>
<li>Service desk and Bitbucket tools, which work only with API tokens, become usable with them.</li>
<li>Each token acts with its owner's permissions, limited by its scopes and by the permission groups switched on here.</li>
</ul>`
    : html`<ul>
<li>${tokens} (of ${owners}) will stop working at once: every request that uses one fails, on every server, within a second.</li>
<li>Service desk and Bitbucket tools, which work only with API tokens, become unusable.</li>
<li>Apps connected with OAuth keep working. Tokens are kept, and work again if you turn this back on.</li>
</ul>`;
  const main = html`<h1>${title}</h1>
${consequences}
<form method="post" action="/admin/settings/api-token-auth">
${csrfField(options.csrfToken)}
<input type="hidden" name="version" value="${options.version}">
<input type="hidden" name="enabled" value="${enable ? 'true' : 'false'}">
<input type="hidden" name="confirm" value="yes">
<div class="actions">
<a class="button-secondary" href="/admin/settings">Cancel</a>
<button type="submit" class="${enable ? 'button-primary' : 'button-danger'}">${enable ? 'Turn on API-token authentication' : 'Turn off API-token authentication'}</button>
</div>
</form>`;
  return renderLayout({ title, main, width: 'wide', nav: options.nav });
}
