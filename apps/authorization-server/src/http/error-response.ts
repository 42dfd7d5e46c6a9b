import { type ErrorResponder, writeJsonError } from '@gatehouse/server-kit';
import type { Context } from 'koa';
import { renderErrorPage } from '../views/error-page.js';
import { isAdminApiRequest } from './admin-api.js';

/** Pages are HTML; everything else (OAuth endpoints, the admin JSON API) answers JSON. */
export function isPageRequest(ctx: Context): boolean {
  return /^\/(interaction|account|admin|logout)(\/|$)/.test(ctx.path) && !isAdminApiRequest(ctx);
}

/** The account and admin pages are ours to return to; an OAuth flow must restart at the app. */
function nextStepFor(ctx: Context): string | undefined {
  return /^\/(account|admin)(\/|$)/.test(ctx.path)
    ? 'Go back to the previous page, reload it and try again.'
    : undefined;
}

/**
 * The error handler's body for this app's own routes (oidc-provider renders its own errors): an
 * HTML error page for pages, the OAuth-style JSON body for everything else.
 */
export const writeErrorPageOrJson: ErrorResponder = (ctx, wire) => {
  if (!isPageRequest(ctx)) {
    writeJsonError(ctx, wire);
    return;
  }
  ctx.type = 'html';
  ctx.body = renderErrorPage({
    title: wire.status >= 500 ? 'Something went wrong' : 'This request cannot be completed',
    message: wire.description,
    status: wire.status,
    nextStep: nextStepFor(ctx),
  });
};
