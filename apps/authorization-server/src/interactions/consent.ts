import { decideIssuableScopes, describeConsent } from '@gatehouse/policy';
import type { Context } from 'koa';
import type { InteractionResults } from 'oidc-provider';
import { createCsrfToken } from '../http/csrf.js';
import { renderConsentPage } from '../views/consent-page.js';
import type { ClientRegistration } from './client-display.js';
import type { InteractionDeps } from './deps.js';

/** What oidc-provider's consent prompt reports as not yet granted. */
export interface MissingGrant {
  missingOIDCScope?: string[];
  missingResourceScopes?: Record<string, string[]>;
}

export interface ConsentView {
  uid: string;
  client: {
    name: string;
    registration: ClientRegistration;
    clientUri?: string | undefined;
    metadataDocumentUrl?: string;
    loopbackOnly?: boolean;
  };
  redirectHost: string;
  userEmail: string;
  missing: MissingGrant;
}

/** The resource scopes still to grant, narrowed to what the org lets us issue right now. */
export function scopesToGrant(deps: InteractionDeps, missing: MissingGrant): string[] {
  const requested = Object.values(missing.missingResourceScopes ?? {}).flat();
  return decideIssuableScopes({ requested, settings: deps.settings.current() }).issuable;
}

export function renderConsent(ctx: Context, deps: InteractionDeps, view: ConsentView): void {
  const scopes = scopesToGrant(deps, view.missing);
  const offlineAccess = view.missing.missingOIDCScope?.includes('offline_access') ?? false;
  const consent = describeConsent(scopes);
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = renderConsentPage({
    action: `/interaction/${view.uid}/consent`,
    csrfToken: createCsrfToken(deps.csrfKey, `interaction:${view.uid}`),
    client: view.client,
    redirectHost: view.redirectHost,
    resource: { url: deps.config.mcpResourceUrl, name: 'the Gatehouse MCP server' },
    user: { email: view.userEmail },
    groups: consent.groups,
    unknownScopes: consent.unknownScopes,
    offlineAccess,
  });
}

/**
 * Records the user's approval on the grant (new or existing) and returns the interaction
 * result that resumes the authorization request.
 */
export async function approveConsent(
  deps: InteractionDeps,
  interaction: {
    grantId: string | undefined;
    accountId: string;
    clientId: string;
    missing: MissingGrant;
  },
): Promise<{ result: InteractionResults; scopes: string[] }> {
  const { Grant } = deps.provider;
  const grant =
    (interaction.grantId === undefined ? undefined : await Grant.find(interaction.grantId)) ??
    new Grant({ accountId: interaction.accountId, clientId: interaction.clientId });
  const oidcScopes = interaction.missing.missingOIDCScope ?? [];
  if (oidcScopes.length > 0) grant.addOIDCScope(oidcScopes.join(' '));
  const scopes = scopesToGrant(deps, interaction.missing);
  for (const indicator of Object.keys(interaction.missing.missingResourceScopes ?? {})) {
    if (scopes.length > 0) grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  const consent = interaction.grantId === undefined ? { grantId } : {};
  return { result: { consent }, scopes: [...oidcScopes, ...scopes] };
}
