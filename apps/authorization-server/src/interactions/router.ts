import { isLoopbackHostname } from '@gatehouse/policy';
import { RequestError } from '@gatehouse/server-kit';
import { bodyParser } from '@koa/bodyparser';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { errors, type InteractionResults } from 'oidc-provider';
import { isValidCsrfToken } from '../http/csrf.js';
import { createPageRouter } from '../http/router.js';
import { clientDisplayName, clientRegistration, describeRedirectTarget } from './client-display.js';
import { approveConsent, type MissingGrant, renderConsent } from './consent.js';
import type { InteractionDeps } from './deps.js';
import { renderLogin, submitLogin, wrongStep } from './login.js';

/** Sign-in and consent forms are tiny; anything larger is not ours. */
const FORM_LIMIT = '8kb';

type Details = Awaited<ReturnType<InteractionDeps['provider']['interactionDetails']>>;

/** Loads the interaction bound to this browser; an expired or foreign one gets a clear page. */
async function loadInteraction(ctx: Context, deps: InteractionDeps): Promise<Details> {
  try {
    const details = await deps.provider.interactionDetails(ctx.req, ctx.res);
    if (details.uid !== ctx.params.uid) throw new errors.SessionNotFound('interaction mismatch');
    return details;
  } catch (error) {
    if (error instanceof errors.SessionNotFound) {
      throw new RequestError(
        400,
        'interaction_expired',
        'This sign-in has expired or was started in another browser. Go back to the app you were using and connect again.',
        { cause: error },
      );
    }
    throw error;
  }
}

/** Every redirect URI is loopback http (a local listener any program on the machine could own). */
function isLoopbackOnly(redirectUris: readonly string[]): boolean {
  return (
    redirectUris.length > 0 &&
    redirectUris.every((uri) => {
      const url = URL.parse(uri);
      return url !== null && url.protocol === 'http:' && isLoopbackHostname(url.hostname);
    })
  );
}

async function describeClient(deps: InteractionDeps, details: Details) {
  const clientId = String(details.params.client_id);
  const client = await deps.provider.Client.find(clientId);
  if (client === undefined) {
    throw new RequestError(
      400,
      'invalid_client',
      'The app that sent you here is no longer registered.',
    );
  }
  const redirectUri =
    typeof details.params.redirect_uri === 'string' ? details.params.redirect_uri : undefined;
  const registration = clientRegistration(clientId, [deps.config.introspectionClient.clientId]);
  return {
    clientId,
    name: clientDisplayName(client, redirectUri),
    registration,
    // A metadata-document client's id is the URL its metadata was fetched from.
    ...(registration === 'metadata_document' ? { metadataDocumentUrl: clientId } : {}),
    loopbackOnly: isLoopbackOnly(client.redirectUris ?? []),
    clientUri: client.clientUri,
    redirectHost: describeRedirectTarget(redirectUri ?? client.redirectUris?.[0] ?? ''),
  };
}

function requireCsrf(ctx: Context, deps: InteractionDeps, uid: string): void {
  const token = (ctx.request.body as Record<string, unknown> | undefined)?.csrf;
  if (!isValidCsrfToken(deps.csrfKey, `interaction:${uid}`, token)) {
    throw new RequestError(
      403,
      'csrf_failed',
      'This form could not be verified, so nothing was changed. Reload the page and try again.',
    );
  }
}

async function finish(
  ctx: Context,
  deps: InteractionDeps,
  result: InteractionResults,
  merge: boolean,
) {
  const redirectTo = await deps.provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: merge,
  });
  ctx.status = 303;
  ctx.redirect(redirectTo);
}

async function userEmail(deps: InteractionDeps, accountId: string | undefined): Promise<string> {
  const user = accountId === undefined ? null : await deps.store.users.findById(accountId);
  return user?.email ?? 'your account';
}

/** `/interaction/:uid` pages: the login and consent steps oidc-provider hands to the host. */
export function createInteractionRouter(deps: InteractionDeps): Router {
  const router = createPageRouter('/interaction/:uid');
  const form = bodyParser({ enableTypes: ['form'], formLimit: FORM_LIMIT });

  router.get('/', async (ctx) => {
    const details = await loadInteraction(ctx, deps);
    const client = await describeClient(deps, details);
    if (details.prompt.name === 'login') {
      renderLogin(ctx, deps, { uid: details.uid, clientName: client.name });
      return;
    }
    renderConsent(ctx, deps, {
      uid: details.uid,
      client,
      redirectHost: client.redirectHost,
      userEmail: await userEmail(deps, details.session?.accountId),
      missing: details.prompt.details as MissingGrant,
    });
  });

  router.post('/login', form, async (ctx) => {
    const details = await loadInteraction(ctx, deps);
    requireCsrf(ctx, deps, details.uid);
    if (details.prompt.name !== 'login') throw wrongStep();
    const client = await describeClient(deps, details);
    const accountId = await submitLogin(ctx, deps, {
      uid: details.uid,
      clientId: client.clientId,
      clientName: client.name,
    });
    if (accountId === undefined) return;
    await finish(ctx, deps, { login: { accountId, amr: ['pwd'] } }, false);
  });

  router.post('/consent', form, async (ctx) => {
    const details = await loadInteraction(ctx, deps);
    requireCsrf(ctx, deps, details.uid);
    const accountId = details.session?.accountId;
    if (details.prompt.name !== 'consent' || accountId === undefined) throw wrongStep();
    const decision = (ctx.request.body as Record<string, unknown>).decision;
    const clientId = String(details.params.client_id);
    const audit = {
      orgId: deps.config.orgId,
      action: 'auth.consent',
      actor: accountId,
      clientId,
      ip: ctx.ip,
    };
    if (decision === 'deny') {
      await deps.audit({ ...audit, outcome: 'denied' });
      const denial = { error: 'access_denied', error_description: 'The user denied the request.' };
      await finish(ctx, deps, denial, false);
      return;
    }
    if (decision !== 'allow') {
      throw new RequestError(400, 'invalid_request', 'Choose Allow or Deny.');
    }
    const missing = details.prompt.details as MissingGrant;
    const grantId = typeof details.grantId === 'string' ? details.grantId : undefined;
    const approved = await approveConsent(deps, { grantId, accountId, clientId, missing });
    await deps.audit({ ...audit, outcome: 'success', details: { scopes: approved.scopes } });
    await finish(ctx, deps, approved.result, true);
  });

  return router;
}
