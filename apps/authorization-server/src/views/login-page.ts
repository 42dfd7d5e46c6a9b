import { html } from './html.js';
import { renderLayout } from './layout.js';

/** What the login page shows. */
export interface LoginPageOptions {
  /** Where the form POSTs. Must be a server-built URL (an interaction route), never client input. */
  action: string;
  /** Sent back as the hidden `csrf` field. */
  csrfToken: string;
  /** The client's display name: "to continue to {clientName}". */
  clientName: string;
  /** Refills the Email field after a failed attempt. */
  email?: string;
  /** Shown in an alert above the form, and tied to both inputs with `aria-describedby`. */
  error?: string;
}

const ERROR_ID = 'login-error';

/**
 * The sign-in page. The contract (DESIGN.md §3) is inputs labelled "Email" and "Password" and a
 * "Sign in" button; browser tests find them by those names.
 *
 * Focus starts on Email, or on Password when Email is refilled after an error, so the user can
 * type the password straight away; the alert is announced either way.
 */
export function renderLoginPage(options: LoginPageOptions): string {
  const { action, csrfToken, clientName, email, error } = options;
  const refilled = email !== undefined && email !== '';
  const describedBy = error ? html` aria-describedby="${ERROR_ID}" aria-invalid="true"` : '';
  const main = html`<h1>Sign in</h1>
<p class="lede">to continue to <strong>${clientName}</strong></p>
${error ? html`<div class="alert" id="${ERROR_ID}" role="alert">${error}</div>` : ''}
<form method="post" action="${action}">
<input type="hidden" name="csrf" value="${csrfToken}">
<div class="field">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required${refilled ? html` value="${email}"` : html` autofocus`}${describedBy}>
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${refilled ? html` autofocus` : ''}${describedBy}>
</div>
<div class="actions">
<button type="submit" class="button-primary">Sign in</button>
</div>
</form>`;
  return renderLayout({ title: 'Sign in', main });
}
