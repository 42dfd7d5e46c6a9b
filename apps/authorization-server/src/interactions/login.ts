import { verifyPassword } from '@gatehouse/store';
import type { Context } from 'koa';
import { RequestError } from '../http/errors.js';
import { renderLoginPage } from '../views/login-page.js';
import { createCsrfToken } from './csrf.js';
import type { InteractionDeps } from './deps.js';

/** One message for every wrong credential: it never says which part was wrong. */
export const WRONG_CREDENTIALS_MESSAGE = 'That email and password do not match an account.';

export function renderLogin(
  ctx: Context,
  deps: InteractionDeps,
  view: { uid: string; clientName: string; email?: string; error?: string },
): void {
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = renderLoginPage({
    action: `/interaction/${view.uid}/login`,
    csrfToken: createCsrfToken(deps.csrfKey, view.uid),
    clientName: view.clientName,
    ...(view.email === undefined ? {} : { email: view.email }),
    ...(view.error === undefined ? {} : { error: view.error }),
  });
}

function formString(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : '';
}

async function throttle(deps: InteractionDeps, ip: string, email: string): Promise<number> {
  const [byIp, byAccount] = await Promise.all([
    deps.loginLimiters.perIp.consume(`login-ip:${ip}`),
    deps.loginLimiters.perAccount.consume(`login-account:${email}`),
  ]);
  return Math.max(byIp.retryAfterSeconds, byAccount.retryAfterSeconds);
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
  const password = formString(ctx.request.body, 'password');
  const view = { uid: interaction.uid, clientName: interaction.clientName, email };
  const retryAfter = await throttle(deps, ctx.ip, email);
  if (retryAfter > 0) {
    ctx.status = 429;
    ctx.set('Retry-After', String(retryAfter));
    const minutes = Math.ceil(retryAfter / 60);
    renderLogin(ctx, deps, {
      ...view,
      error: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    });
    return undefined;
  }
  if (email === '' || password === '') {
    ctx.status = 400;
    renderLogin(ctx, deps, { ...view, error: 'Enter your email and your password.' });
    return undefined;
  }
  const user = await deps.store.users.findByEmail(email);
  const passwordMatches = await verifyPassword(
    password,
    user?.passwordHash ?? deps.decoyPasswordHash,
  );
  if (user === null || user.disabled || !passwordMatches) {
    await deps.audit({
      orgId: deps.config.orgId,
      action: 'auth.sign_in',
      outcome: 'failure',
      actor: user?.id ?? null,
      clientId: interaction.clientId,
      ip: ctx.ip,
      details: { email },
    });
    ctx.status = 401;
    renderLogin(ctx, deps, { ...view, error: WRONG_CREDENTIALS_MESSAGE });
    return undefined;
  }
  await deps.loginLimiters.perAccount.reset(`login-account:${email}`);
  await deps.audit({
    orgId: deps.config.orgId,
    action: 'auth.sign_in',
    outcome: 'success',
    actor: user.id,
    clientId: interaction.clientId,
    ip: ctx.ip,
  });
  return user.id;
}

/** A form that belongs to another step of the flow than the one the interaction is in. */
export function wrongStep(): RequestError {
  return new RequestError(
    400,
    'invalid_request',
    'This step of the sign-in is already complete. Go back to the app you were using and start again.',
  );
}
