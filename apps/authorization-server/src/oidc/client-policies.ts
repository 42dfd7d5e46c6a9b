import type { OrgSettingsReader } from '@gatehouse/org-settings';
import { formatScopes } from '@gatehouse/policy';
import { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';
import { checkClientDomains, describeDomainRefusal } from '../clients/client-domains.js';
import type { ProviderDeps } from './configuration.js';
import {
  checkRedirectUri,
  inferApplicationType,
  type RedirectUriKind,
} from './redirect-uri-policy.js';
import { providerScopeTokens } from './request-params.js';

/** The part of the configuration that says which clients exist and what they may be. */
export type ClientPolicies = Pick<
  Configuration,
  'clients' | 'clientDefaults' | 'clientAuthMethods' | 'clientBasedCORS' | 'extraClientMetadata'
>;

/**
 * Clients: the resource server's own, what every other client gets by default, and the
 * checks every client passes as it is admitted.
 */
export function clientPolicies(deps: ProviderDeps): ClientPolicies {
  const { config } = deps;
  return {
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
    // Public clients (most MCP clients) and confidential ones; no JWT client authentication.
    clientAuthMethods: ['none', 'client_secret_basic', 'client_secret_post'],
    // A browser-based client may call the token and other CORS endpoints only from one of its
    // redirect URIs' origins (never from an opaque `null` origin).
    clientBasedCORS: (_ctx, origin, client) =>
      origin !== 'null' &&
      client.redirectUris?.some((uri) => URL.parse(uri)?.origin === origin) === true,
    extraClientMetadata: {
      properties: ['software_id', 'software_version'],
      validator: createClientValidator(deps.settings),
    },
  };
}

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
