import {
  decideIssuableScopes,
  formatScopes,
  isClientHostAllowed,
  isSameResource,
  RESOURCE_SCOPE_IDS,
} from '@gatehouse/policy';
import type { OidcPayload } from '@gatehouse/store';
import { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';
import { checkClientDomains } from '../clients/client-domains.js';
import type { ProviderDeps } from './configuration.js';

type Features = NonNullable<Configuration['features']>;
type IntrospectionPolicy = NonNullable<NonNullable<Features['introspection']>['allowedPolicy']>;

/** How long a fetched client ID metadata document is reused, in seconds: 1 minute to 1 day. */
const METADATA_DOCUMENT_CACHE_SECONDS = { min: 60, max: 24 * 60 * 60 };

/** oidc-provider's features: what we switch on or off, and how the ones we use behave. */
export function buildFeatures(deps: ProviderDeps): Features {
  return {
    clientIdMetadataDocument: clientIdMetadataDocument(deps),
    devInteractions: { enabled: false },
    // oidc-provider offers DPoP by default, but the MCP server accepts Bearer tokens only; a
    // client must not be handed a token_type it cannot use there.
    dPoP: { enabled: false },
    introspection: { enabled: true, allowedPolicy: introspectionPolicy(deps) },
    registration: {
      enabled: true,
      initialAccessToken: false,
      issueRegistrationAccessToken: false,
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => deps.config.mcpResourceUrl,
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
  };
}

/**
 * Clients may identify by an https URL to their metadata (MCP's preferred way, DESIGN.md §6):
 * fetched with SSRF protection, cached per HTTP caching within bounds, and subject to the org's
 * client domains and block list like any registered client.
 */
function clientIdMetadataDocument(deps: ProviderDeps): Features['clientIdMetadataDocument'] {
  const { settings } = deps;
  return {
    enabled: true,
    ack: 'draft-02',
    allowFetch: async (_ctx, clientId) => {
      const { allowedClientDomains } = settings.current();
      const host = URL.parse(clientId)?.hostname;
      return host !== undefined && isClientHostAllowed({ allowedClientDomains }, host);
    },
    // Every use, cached document or not: the block list and the org's client domains as they
    // are now (a domain removed from the list takes effect at once).
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
    cacheDuration: METADATA_DOCUMENT_CACHE_SECONDS,
  };
}

/**
 * Only the resource server asks, and only access tokens of enabled users and unblocked clients
 * are active: a refresh token is no bearer credential, and disabling a user or blocking a
 * client ends their access now.
 */
function introspectionPolicy(deps: ProviderDeps): IntrospectionPolicy {
  const { config, store } = deps;
  return async (_ctx, client, token) => {
    if (client.clientId !== config.introspectionClient.clientId) return false;
    if (token.kind !== 'AccessToken' || typeof token.accountId !== 'string') return false;
    // A blocked client's tokens are inactive even in the moment before its grants are revoked
    // (oidc-provider would otherwise look the vanished client up and fail).
    if (typeof token.clientId === 'string' && (await deps.blocks.isBlocked(token.clientId))) {
      return false;
    }
    const user = await store.users.findById(token.accountId);
    return user !== null && !user.disabled;
  };
}

/**
 * Tokens are for the MCP resource only (any other `resource` is `invalid_target`), opaque, with
 * the scopes and lifetime the org's settings allow now.
 */
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
