import type { OrgSettingsReader } from '@gatehouse/org-settings';
import {
  decideIssuableScopes,
  formatScopes,
  isClientHostAllowed,
  isSameResource,
  RESOURCE_SCOPE_IDS,
} from '@gatehouse/policy';
import type { OidcPayload, Store } from '@gatehouse/store';
import { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';
import type { ClientBlocks } from '../clients/client-blocks.js';
import { checkClientDomains, describeDomainRefusal } from '../clients/client-domains.js';
import type { DocumentClients } from '../clients/document-clients.js';
import type { AsConfig } from '../env.js';
import { isHttpsIssuer } from '../http/https-issuer.js';
import { createFindAccount } from './account.js';
import { createAdapterFactory } from './adapter.js';
import { createInteractionPolicy } from './interaction-policy.js';
import type { KeyMaterial } from './key-material.js';
import {
  checkRedirectUri,
  inferApplicationType,
  type RedirectUriKind,
} from './redirect-uri-policy.js';
import { providerScopeTokens } from './request-params.js';

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
 * Metadata that would make this server fetch a URL the registrant chose (SSRF): pairwise sector
 * documents and remote key sets. MCP clients need neither. (`request_uris` is not recognised
 * while request objects are off, so oidc-provider drops it.)
 */
const FETCHED_METADATA = ['sector_identifier_uri', 'jwks_uri'] as const;

function refuseServerSideFetches(metadata: Record<string, unknown>): void {
  for (const field of FETCHED_METADATA) {
    if (metadata[field] !== undefined) {
      throw new errors.InvalidClientMetadata(`${field} is not supported by this server`);
    }
  }
}

/** Scopes oidc-provider itself knows; the catalogue's scopes belong to the resource server. */
const PROVIDER_SCOPES = new Set(['openid', 'offline_access']);

/**
 * MCP clients send the scopes they will ask for in `scope` at registration (RFC 7591 §2). Those
 * are resource scopes, which oidc-provider would refuse as unknown; the authorization request
 * is where scopes are checked, so only the provider's own are kept here.
 */
function keepOnlyProviderScopes(metadata: Record<string, unknown>): void {
  if (typeof metadata.scope !== 'string') return;
  const kept = providerScopeTokens(metadata.scope).filter((scope) => PROVIDER_SCOPES.has(scope));
  if (kept.length > 0) metadata.scope = formatScopes(kept);
  else delete metadata.scope;
}

/** Whether a client id is a client ID metadata document URL (not a registered id). */
function isMetadataDocumentClientId(clientId: unknown): boolean {
  return typeof clientId === 'string' && clientId.startsWith('https://');
}

/** The redirect-URI policy and the org's client domains, for any client being admitted. */
function checkAdmittedRedirectUris(
  metadata: Record<string, unknown>,
  settings: OrgSettingsReader,
): RedirectUriKind[] {
  const uris = Array.isArray(metadata.redirect_uris) ? metadata.redirect_uris : [];
  const strings = uris.filter((uri): uri is string => typeof uri === 'string');
  const kinds: RedirectUriKind[] = [];
  for (const uri of strings) {
    const verdict = checkRedirectUri(uri);
    if (!verdict.ok) throw new errors.InvalidClientMetadata(`redirect_uris: ${verdict.reason}`);
    kinds.push(verdict.kind);
  }
  const domains = checkClientDomains(strings, settings.current().allowedClientDomains);
  if (!domains.allowed) {
    throw new errors.InvalidClientMetadata(`redirect_uris: ${describeDomainRefusal(domains)}`);
  }
  return kinds;
}

/**
 * Judges a client as it is admitted (oidc-provider runs this validator for each extra property;
 * we hang the whole-client check on `software_id`, an optional RFC 7591 field every client
 * has): at dynamic registration, and every time a client ID metadata document is loaded (those
 * come without a request context). Stored registered clients are not re-judged on load.
 *
 * Each redirect URI must be a kind we accept and on the org's allowed client domains when it
 * lists any (see `checkClientDomains`). Clients whose redirect URIs are all loopback or
 * private-use become native, so that they may use any loopback port (RFC 8252 §7.3).
 */
function createClientValidator(settings: OrgSettingsReader) {
  return function validateAdmittedClient(
    ctx: KoaContextWithOIDC | undefined,
    key: string,
    _value: unknown,
    metadata: Record<string, unknown>,
  ): void {
    if (key !== 'software_id') return;
    const fromDocument = isMetadataDocumentClientId(metadata.client_id);
    if (ctx === undefined && !fromDocument) return;
    refuseServerSideFetches(metadata);
    keepOnlyProviderScopes(metadata);
    const kinds = checkAdmittedRedirectUris(metadata, settings);
    // oidc-provider has already filled in its default ('web'): at registration, look at what
    // the client sent; a document only ever gains the native port rule, never loses a check.
    const sent = fromDocument
      ? undefined
      : (ctx?.oidc.body as Record<string, unknown> | undefined)?.application_type;
    if (sent === undefined && inferApplicationType(kinds) === 'native') {
      metadata.application_type = 'native';
    }
  };
}

function createResourceServerInfo(deps: ProviderDeps) {
  const { config, settings } = deps;
  return async (_ctx: KoaContextWithOIDC, indicator: string) => {
    if (!isSameResource(indicator, config.mcpResourceUrl)) {
      throw new errors.InvalidTarget(
        `this authorization server issues tokens only for ${config.mcpResourceUrl}`,
      );
    }
    const current = settings.current();
    const { issuable } = decideIssuableScopes({ requested: RESOURCE_SCOPE_IDS, settings: current });
    return {
      scope: formatScopes(issuable),
      audience: config.mcpResourceUrl,
      accessTokenTTL: current.tokenLifetimes.accessTokenSeconds,
      accessTokenFormat: 'opaque' as const,
    };
  };
}

/**
 * The one oidc-provider configuration. It lists only where we differ from the library's
 * defaults, each with the reason.
 */
export function buildProviderConfiguration(deps: ProviderDeps): Configuration {
  const { config, store, settings, keys } = deps;
  const secureCookies = isHttpsIssuer(config);
  const refreshTtl = () => settings.current().tokenLifetimes.refreshTokenSeconds;

  return {
    // Every model lives in our store (SQLite or Redis), shared by all instances.
    adapter: createAdapterFactory(store, deps.blocks),
    // The resource server's own confidential client: it may only introspect.
    clients: [
      {
        client_id: config.introspectionClient.clientId,
        client_secret: deps.introspectionClientSecret,
        client_name: 'MCP resource server',
        grant_types: [],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // MCP clients expect refresh tokens with the code (DESIGN.md §4).
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      id_token_signed_response_alg: 'RS256',
    },
    clientAuthMethods: ['none', 'client_secret_basic', 'client_secret_post'],
    clientBasedCORS: (_ctx, origin, client) =>
      origin !== 'null' &&
      client.redirectUris?.some((uri) => URL.parse(uri)?.origin === origin) === true,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: {
      keys: keys.cookieKeys,
      names: {
        session: secureCookies ? '__Host-gatehouse.session' : 'gatehouse.session',
        interaction: 'gatehouse.interaction',
        resume: 'gatehouse.resume',
      },
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    // Tokens without offline_access must not die with the browser session (DESIGN.md §4).
    expiresWithSession: async () => false,
    extraClientMetadata: {
      properties: ['software_id', 'software_version'],
      validator: createClientValidator(settings),
    },
    // Introspection and the resource server want to know who and how (DESIGN.md §4).
    extraTokenClaims: async (_ctx, token) => {
      if (!('accountId' in token) || typeof token.accountId !== 'string') return undefined;
      const user = await store.users.findById(token.accountId);
      return { email: user?.email, auth_method: 'oauth' };
    },
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    features: {
      // Clients may identify by an https URL to their metadata (MCP's preferred way, DESIGN.md
      // §6): fetched with SSRF protection, cached per HTTP caching within bounds, and subject to
      // the org's client domains and block list like any registered client.
      clientIdMetadataDocument: {
        enabled: true,
        ack: 'draft-02',
        allowFetch: async (_ctx, clientId) => {
          const { allowedClientDomains } = settings.current();
          const host = URL.parse(clientId)?.hostname;
          return host !== undefined && isClientHostAllowed({ allowedClientDomains }, host);
        },
        // Every use, cached document or not: the block list and the org's client domains as
        // they are now (a domain removed from the list takes effect at once).
        allowClient: async (_ctx, client) => {
          if (await deps.blocks.isBlocked(client.clientId)) return false;
          const { allowedClientDomains } = settings.current();
          const host = URL.parse(client.clientId)?.hostname;
          if (host === undefined || !isClientHostAllowed({ allowedClientDomains }, host)) {
            return false;
          }
          if (!checkClientDomains(client.redirectUris ?? [], allowedClientDomains).allowed) {
            return false;
          }
          await deps.documentClients.remember(client.clientId, client.metadata() as OidcPayload);
          return true;
        },
        cacheDuration: { min: 60, max: 24 * 60 * 60 },
      },
      devInteractions: { enabled: false },
      // oidc-provider offers DPoP by default, but the MCP server accepts Bearer tokens only; a
      // client must not be handed a token_type it cannot use there.
      dPoP: { enabled: false },
      introspection: {
        enabled: true,
        // Only the resource server asks, and only access tokens of enabled users and unblocked
        // clients are active: a refresh token is no bearer credential, and disabling a user or
        // blocking a client ends their access now.
        allowedPolicy: async (_ctx, client, token) => {
          if (client.clientId !== config.introspectionClient.clientId) return false;
          if (token.kind !== 'AccessToken' || typeof token.accountId !== 'string') return false;
          // A blocked client's tokens are inactive even in the moment before its grants are
          // revoked (oidc-provider would otherwise look the vanished client up and fail).
          if (typeof token.clientId === 'string' && (await deps.blocks.isBlocked(token.clientId))) {
            return false;
          }
          const user = await store.users.findById(token.accountId);
          return user !== null && !user.disabled;
        },
      },
      registration: {
        enabled: true,
        initialAccessToken: false,
        issueRegistrationAccessToken: false,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => config.mcpResourceUrl,
        useGrantedResource: async () => true,
        getResourceServerInfo: createResourceServerInfo(deps),
      },
      revocation: {
        enabled: true,
        // A client revokes only its own tokens; a public client asking about another's is told
        // "done" without anything happening, so tokens cannot be probed (RFC 7009 §2.1).
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: deps.logoutSource,
        postLogoutSuccessSource: deps.postLogoutSuccessSource,
      },
      userinfo: { enabled: true },
    },
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
    ttl: {
      AccessToken: () => settings.current().tokenLifetimes.accessTokenSeconds,
      AuthorizationCode: AUTHORIZATION_CODE_TTL_SECONDS,
      Grant: refreshTtl,
      IdToken: ID_TOKEN_TTL_SECONDS,
      Interaction: INTERACTION_TTL_SECONDS,
      RefreshToken: refreshTtl,
      Session: SESSION_TTL_SECONDS,
    },
  };
}
