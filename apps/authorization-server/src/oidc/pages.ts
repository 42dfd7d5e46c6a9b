import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { renderErrorPage } from '../views/error-page.js';
import { html, unsafeRaw } from '../views/html.js';
import { renderLayout } from '../views/layout.js';
import { renderMessagePage } from '../views/message-page.js';

type RenderError = NonNullable<Configuration['renderError']>;

/**
 * Errors oidc-provider cannot send back to the client (unknown client, unregistered redirect
 * URI, ...): a page that says what went wrong, in the library's own exposed description.
 */
export const renderProviderError: RenderError = async (ctx, out) => {
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = renderErrorPage({
    title: 'This sign-in request cannot be completed',
    message:
      typeof out.error_description === 'string'
        ? `${out.error_description.charAt(0).toUpperCase()}${out.error_description.slice(1)}.`
        : 'The app sent a request this server cannot accept.',
    details: out.error,
    status: ctx.status,
  });
};

/**
 * Asks before signing out (RP-initiated logout). `form` is oidc-provider's own hidden form
 * (action URL and its CSRF field); our buttons submit it, so no script is needed.
 */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  ctx.type = 'html';
  ctx.body = renderLayout({
    title: 'Sign out',
    main: html`<h1>Sign out of Gatehouse?</h1>
<p>Apps you connected keep the access you gave them until you revoke it.</p>
${unsafeRaw(form)}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" class="button primary">Sign out</button>
<button type="submit" form="op.logoutForm" class="button">Stay signed in</button>
</div>`,
  });
}

export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.type = 'html';
  ctx.body = renderMessagePage({
    title: 'You are signed out',
    message: 'You can close this window, or go back to the app you were using.',
  });
}
