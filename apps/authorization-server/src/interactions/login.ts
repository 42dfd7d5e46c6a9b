import { RequestError } from '@gatehouse/server-kit';
import type { Context } from 'koa';
import { createCsrfToken } from '../http/csrf.js';
import { formString } from '../http/form.js';
import { checkCredentials } from '../sign-in/check-credentials.js';
import { renderLoginPage } from '../views/login-page.js';
import type { InteractionDeps } from './deps.js';

export function renderLogin(
  ctx: Context,
  deps: InteractionDeps,
  view: { uid: string; clientName: string; email?: string; error?: string },
): void {
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = renderLoginPage({
    action: `/interaction/${view.uid}/login`,
    csrfToken: createCsrfToken(deps.csrfKey, `interaction:${view.uid}`),
    clientName: view.clientName,
    ...(view.email === undefined ? {} : { email: view.email }),
    ...(view.error === undefined ? {} : { error: view.error }),
  });
}

/**
 * Checks the submitted credentials. Resolves the account id, or re-renders the form with one
 * neutral message (and throttles repeated failures per IP and per account).
 */
export async function submitLogin(
  ctx: Context,
  deps: InteractionDeps,
  interaction: { uid: string; clientId: string; clientName: string },
): Promise<string | undefined> {
  const email = formString(ctx.request.body, 'email').trim().toLowerCase();
  const check = await checkCredentials(
    { ...deps, orgId: deps.config.orgId },
    {
      email,
      password: formString(ctx.request.body, 'password'),
      ip: ctx.ip,
      clientId: interaction.clientId,
      via: 'oauth',
    },
  );
  if (check.ok) return check.user.id;
  ctx.status = check.status;
  if (check.retryAfterSeconds !== undefined)
    ctx.set('Retry-After', String(check.retryAfterSeconds));
  renderLogin(ctx, deps, {
    uid: interaction.uid,
    clientName: interaction.clientName,
    email,
    error: check.message,
  });
  return undefined;
}

/** A form that belongs to another step of the flow than the one the interaction is in. */
export function wrongStep(): RequestError {
  return new RequestError(
    400,
    'invalid_request',
    'This step of the sign-in is already complete. Go back to the app you were using and start again.',
  );
}
