import type { OrgSettingsReader } from '@gatehouse/org-settings';
import type { Store } from '@gatehouse/store';
import type { Configuration } from 'oidc-provider';
import type { ClientBlocks } from '../clients/client-blocks.js';
import type { DocumentClients } from '../clients/document-clients.js';
import type { AsConfig } from '../env.js';
import { isHttpsIssuer } from '../http/https-issuer.js';
import { createFindAccount } from './account.js';
import { createAdapterFactory } from './adapter.js';
import { clientPolicies } from './client-policies.js';
import { createInteractionPolicy } from './interaction-policy.js';
import type { KeyMaterial } from './key-material.js';
import { buildFeatures } from './provider-features.js';

/** What the oidc-provider configuration is built from. */
export interface ProviderDeps {
  config: AsConfig;
  store: Store;
  settings: OrgSettingsReader;
  /** The admin's block list, applied when oidc-provider loads a client. */
  blocks: ClientBlocks;
  /** Where metadata-document clients are remembered for the admin console. */
  documentClients: DocumentClients;
  keys: KeyMaterial;
  introspectionClientSecret: string;
  /**
   * What oidc-provider fetches client ID metadata documents with (it adds its own protection
   * against special-use addresses to every request). Tests serve documents without a network.
   */
  fetch?: typeof fetch;
  renderError: NonNullable<Configuration['renderError']>;
  logoutSource: NonNullable<
    NonNullable<Configuration['features']>['rpInitiatedLogout']
  >['logoutSource'];
  postLogoutSuccessSource: NonNullable<
    NonNullable<Configuration['features']>['rpInitiatedLogout']
  >['postLogoutSuccessSource'];
}

/** Endpoint paths, all under one prefix so the app's own routes never collide with them. */
export const ROUTES = {
  authorization: '/oauth/authorize',
  token: '/oauth/token',
  registration: '/oauth/register',
  introspection: '/oauth/introspect',
  revocation: '/oauth/revoke',
  end_session: '/oauth/logout',
  jwks: '/oauth/jwks',
  userinfo: '/oauth/userinfo',
  pushed_authorization_request: '/oauth/par',
} as const;

/** Lifetimes that the org settings do not govern, in seconds. */
const AUTHORIZATION_CODE_TTL_SECONDS = 60;
const INTERACTION_TTL_SECONDS = 15 * 60;
const SESSION_TTL_SECONDS = 24 * 60 * 60;
const ID_TOKEN_TTL_SECONDS = 60 * 60;

/**
 * oidc-provider's cookies: signed with the deployment's cookie keys, `HttpOnly` and
 * `SameSite=Lax`; over https the session cookie takes the `__Host-` prefix. (`Secure` is Koa's
 * default for a request that came over https, which behind a proxy needs `TRUST_PROXY`.)
 */
function cookieSettings(deps: ProviderDeps): NonNullable<Configuration['cookies']> {
  const https = isHttpsIssuer(deps.config);
  return {
    keys: deps.keys.cookieKeys,
    names: {
      session: https ? '__Host-gatehouse.session' : 'gatehouse.session',
      interaction: 'gatehouse.interaction',
      resume: 'gatehouse.resume',
    },
    long: { httpOnly: true, sameSite: 'lax', signed: true },
    short: { httpOnly: true, sameSite: 'lax', signed: true },
  };
}

/**
 * How long each model lives. Access and refresh tokens (and the grant, which must outlive its
 * refresh tokens) follow the org's settings as they are at issuance; the rest are fixed.
 */
function tokenLifetimes(settings: OrgSettingsReader): NonNullable<Configuration['ttl']> {
  const refreshTtl = () => settings.current().tokenLifetimes.refreshTokenSeconds;
  return {
    AccessToken: () => settings.current().tokenLifetimes.accessTokenSeconds,
    AuthorizationCode: AUTHORIZATION_CODE_TTL_SECONDS,
    Grant: refreshTtl,
    IdToken: ID_TOKEN_TTL_SECONDS,
    Interaction: INTERACTION_TTL_SECONDS,
    RefreshToken: refreshTtl,
    Session: SESSION_TTL_SECONDS,
  };
}

/** Introspection and the resource server want to know who and how (DESIGN.md §4). */
function createExtraTokenClaims(store: Store): NonNullable<Configuration['extraTokenClaims']> {
  return async (_ctx, token) => {
    if (!('accountId' in token) || typeof token.accountId !== 'string') return undefined;
    const user = await store.users.findById(token.accountId);
    return { email: user?.email, auth_method: 'oauth' };
  };
}

/**
 * The one oidc-provider configuration. It lists only where we differ from the library's
 * defaults, each with the reason; the larger values are built by the named functions above
 * (cookies, lifetimes), in `client-policies.ts` (clients) and in `provider-features.ts`.
 */
export function buildProviderConfiguration(deps: ProviderDeps): Configuration {
  const { store, keys } = deps;
  return {
    // Every model lives in our store (SQLite or Redis), shared by all instances.
    adapter: createAdapterFactory(store, deps.blocks),
    // The resource server's introspection client, client defaults, CORS and the checks every
    // client passes as it is admitted.
    ...clientPolicies(deps),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: cookieSettings(deps),
    // Tokens without offline_access must not die with the browser session (DESIGN.md §4).
    expiresWithSession: async () => false,
    extraTokenClaims: createExtraTokenClaims(store),
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    // Client ID metadata documents, introspection, registration, resource indicators,
    // revocation and logout on; dev interactions and DPoP off.
    features: buildFeatures(deps),
    findAccount: createFindAccount(store),
    interactions: {
      policy: createInteractionPolicy(),
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    // Refresh tokens come with every code for clients allowed the grant, asked for or not.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    jwks: keys.jwks as Configuration['jwks'],
    // PKCE (S256, the only method oidc-provider 9 implements) for every client.
    pkce: { required: () => true },
    renderError: deps.renderError,
    responseTypes: ['code'],
    // Rotate on every use; oidc-provider revokes the whole grant when a used one comes back.
    rotateRefreshToken: () => true,
    routes: ROUTES,
    scopes: ['openid', 'offline_access'],
    ttl: tokenLifetimes(deps.settings),
  };
}
