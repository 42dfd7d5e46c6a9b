import { html, type SafeHtml } from './html.js';

/**
 * A time as people read it on the account and admin pages, in UTC so that every admin sees the
 * same value: `2025-11-26 06:05 UTC`, inside `<time>` with the exact instant for machines.
 */
export function formatTime(epochMs: number | null, never = 'Never'): SafeHtml {
  if (epochMs === null) return html`${never}`;
  const iso = new Date(epochMs).toISOString();
  return html`<time datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;
}

/** Scopes as a list of code names, or the phrase for "every scope allowed". */
export function formatScopeList(
  scopes: readonly string[] | null,
  all = 'All allowed scopes',
): SafeHtml {
  if (scopes === null) return html`${all}`;
  if (scopes.length === 0) return html`None`;
  return html`${scopes.map((scope, i) => html`${i > 0 ? ', ' : ''}<code>${scope}</code>`)}`;
}

/** A hidden CSRF field for a form on a signed-in page. */
export function csrfField(csrfToken: string): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${csrfToken}">`;
}

/**
 * A one-button form (revoke, delete, block), small enough to sit in a table cell. `label` is
 * the button's visible text; `context` completes its accessible name ("Revoke CI token").
 */
export function actionButton(options: {
  action: string;
  csrfToken: string;
  label: string;
  context: string;
  danger?: boolean;
  fields?: Readonly<Record<string, string>>;
}): SafeHtml {
  const fields = Object.entries(options.fields ?? {});
  return html`<form method="post" action="${options.action}" class="inline-form">${csrfField(options.csrfToken)}${fields.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}<button type="submit" class="${options.danger ? 'button-danger' : 'button-secondary'}" aria-label="${options.label} ${options.context}">${options.label}</button></form>`;
}
