import { csrfField } from './format.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';

/** A scope a new token may be limited to, under its product. */
export interface ScopeChoice {
  scope: string;
  sentence: string;
}

export interface ScopeChoiceGroup {
  productName: string;
  scopes: ScopeChoice[];
}

export interface ApiTokenFormPageOptions {
  nav: SafeHtml;
  csrfToken: string;
  values: { name: string; expiresInDays: string; scopes: readonly string[] };
  errors: { name?: string; expiresInDays?: string; scopes?: string };
  groups: ScopeChoiceGroup[];
  /** The longest expiry the org allows, in days. */
  maxDays: number;
  apiTokenAuthEnabled: boolean;
}

function describedBy(id: string, error: string | undefined): SafeHtml | '' {
  return error ? html` aria-describedby="${id}-error" aria-invalid="true"` : '';
}

function fieldError(id: string, error: string | undefined): SafeHtml | '' {
  return error ? html`<p class="field-error" id="${id}-error">${error}</p>` : '';
}

function scopeBox(choice: ScopeChoice, checked: boolean): SafeHtml {
  const id = `scope-${choice.scope.replace(/[^a-z0-9-]/gi, '-')}`;
  return html`<div class="choice"><input type="checkbox" id="${id}" name="scopes" value="${choice.scope}"${checked ? html` checked` : ''}><label for="${id}">${choice.sentence} <code>${choice.scope}</code></label></div>`;
}

function renderScopes(options: ApiTokenFormPageOptions): SafeHtml {
  const { errors, values } = options;
  return html`<fieldset${describedBy('scopes', errors.scopes)}>
<legend>Scopes (optional)</legend>
<p class="hint">Leave every box empty to let the token do whatever your organization allows API tokens to do, now and later. Your own permissions in each product still apply.</p>
${fieldError('scopes', errors.scopes)}
${options.groups.map((group) => html`<h3>${group.productName}</h3>${group.scopes.map((choice) => scopeBox(choice, values.scopes.includes(choice.scope)))}`)}
</fieldset>`;
}

/** `/account/tokens/new`: name, expiry and optional scopes for a new API token. */
export function renderApiTokenFormPage(options: ApiTokenFormPageOptions): string {
  const { errors, values } = options;
  const hasErrors = Object.values(errors).some(Boolean);
  const main = html`<h1>Create an API token</h1>
${options.apiTokenAuthEnabled ? '' : html`<p class="notice unverified">API-token authentication is off in your organization: the token will not work until an admin turns it on.</p>`}
${hasErrors ? html`<div class="alert" role="alert">The token was not created. Fix the fields marked below.</div>` : ''}
<form method="post" action="/account/tokens">
${csrfField(options.csrfToken)}
<div class="field">
<label for="name">Name</label>
<p class="hint" id="name-hint">What the token is for, e.g. "Release pipeline". At most 80 characters.</p>
${fieldError('name', errors.name)}
<input id="name" name="name" type="text" maxlength="80" required value="${values.name}"${errors.name ? html` aria-describedby="name-error name-hint" aria-invalid="true"` : html` aria-describedby="name-hint"`}${hasErrors ? '' : html` autofocus`}>
</div>
<div class="field">
<label for="expiresInDays">Expires after (days)</label>
<p class="hint" id="expiresInDays-hint">From 1 to ${options.maxDays} days.</p>
${fieldError('expiresInDays', errors.expiresInDays)}
<input id="expiresInDays" name="expiresInDays" type="number" min="1" max="${options.maxDays}" step="1" required value="${values.expiresInDays}"${errors.expiresInDays ? html` aria-describedby="expiresInDays-error expiresInDays-hint" aria-invalid="true"` : html` aria-describedby="expiresInDays-hint"`}>
</div>
${renderScopes(options)}
<div class="actions">
<a class="button-secondary" href="/account">Cancel</a>
<button type="submit" class="button-primary">Create token</button>
</div>
</form>`;
  return renderLayout({ title: 'Create an API token', main, width: 'wide', nav: options.nav });
}
