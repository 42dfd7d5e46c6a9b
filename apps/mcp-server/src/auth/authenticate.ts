/**
 * Who is calling: from the `Authorization` header to a `Principal`, or a challenge. Every MCP
 * request goes through this on its own (stateless; no session-based auth).
 *
 * Order of checks, cheapest first, so that nothing reaches the authorization server that can
 * be refused locally:
 * 1. nothing usable sent → 401 without error;
 * 2. a JWT-shaped bearer → 401 `invalid_token`: the authorization server issues only opaque
 *    tokens, so it was issued elsewhere;
 * 3. API-token credential (`Basic`, or a `gat_` bearer) while the org has API tokens off →
 *    401 telling the caller to use OAuth 2.1 (for `Basic`, an unsupported scheme then, in the
 *    body only: RFC 6750 §3.1); a `Basic` password that is no API token, a
 *    malformed token or a bad checksum → 401 `invalid_token`;
 * 4. introspection (cached): no answer → 503; inactive → 401;
 * 5. audience must be this resource; the kind of credential must match what introspection
 *    says; `Basic` needs the token owner's email;
 * 6. the user must exist in this org and be enabled.
 */
import {
  type AuthMethod,
  checkApiTokenFormat,
  looksLikeApiToken,
  type OrgSettings,
} from '@gatehouse/policy';
import { normalizeEmail, type UserStore } from '@gatehouse/store';
import { type Actor, actorFromUser } from '@gatehouse/workspace';
import type { Logger } from 'pino';
import type { RequestError } from '../http/errors.js';
import { isAudienceOf } from './audience.js';
import {
  apiTokensDisabledError,
  type ChallengeSettings,
  introspectionUnavailableError,
  unauthorizedError,
} from './auth-errors.js';
import { isJwtShaped, type PresentedCredential } from './credentials.js';
import { type IntrospectionResult, IntrospectionUnavailableError } from './introspection.js';
import type { IntrospectionCache } from './introspection-cache.js';

/** The authenticated caller of one request. */
export interface Principal {
  actor: Actor;
  authMethod: AuthMethod;
  /** Granted scopes, as introspection reports them. */
  scopes: string[];
  /** The OAuth client, or `api-token:<id>`. */
  clientId: string;
  apiTokenId: string | undefined;
}

/** What `authenticate` needs. */
export interface AuthenticateDeps {
  cache: IntrospectionCache;
  users: Pick<UserStore, 'findById'>;
  settings: () => OrgSettings;
  /**
   * Re-reads the org's settings now. Called when the authorization server says an API token is
   * inactive, so that a switch-off it already knows about is reported as such here too, even
   * before this process's change event arrives.
   */
  refreshSettings?: () => Promise<void>;
  challenges: ChallengeSettings;
  resourceUrl: string;
  orgId: string;
  logger: Logger;
}

const INACTIVE = 'The access token is invalid, expired or revoked.';

/** Told to a caller presenting a JWT: the authorization server never issues one. */
export const JWT_REFUSED_DESCRIPTION =
  'This server accepts only the opaque access tokens its authorization server issues, ' +
  'not JWTs: get a token from the authorization server the protected resource metadata names.';

/** Refuses an API-token credential that can be refused without a lookup. */
function checkApiTokenLocally(
  credential: { kind: 'bearer' | 'basic'; token: string },
  deps: AuthenticateDeps,
): RequestError | undefined {
  if (!deps.settings().apiTokenAuthEnabled) {
    return apiTokensDisabledError(deps.challenges, credential.kind);
  }
  const format = checkApiTokenFormat(credential.token);
  if (format.ok) return undefined;
  switch (format.reason) {
    case 'not_an_api_token':
      return unauthorizedError(
        deps.challenges,
        'Basic authentication takes an email and an API token (gat_...); use Bearer for OAuth access tokens.',
      );
    case 'malformed':
    case 'bad_checksum':
      return unauthorizedError(deps.challenges, 'The API token is malformed or mistyped.');
  }
}

async function introspect(token: string, deps: AuthenticateDeps): Promise<IntrospectionResult> {
  try {
    return await deps.cache.check(token);
  } catch (error) {
    if (!(error instanceof IntrospectionUnavailableError)) throw error;
    deps.logger.warn({ reason: error.message }, 'introspection unavailable; failing closed');
    throw introspectionUnavailableError(error);
  }
}

/** Resolves the caller, or rejects with the `RequestError` (401, 503) to answer. */
export async function authenticate(
  credential: PresentedCredential,
  deps: AuthenticateDeps,
): Promise<Principal> {
  if (credential.kind === 'none' || credential.kind === 'unsupported') {
    throw unauthorizedError(deps.challenges);
  }
  if (credential.kind === 'malformed') {
    if (credential.scheme === 'basic' && !deps.settings().apiTokenAuthEnabled) {
      throw apiTokensDisabledError(deps.challenges, 'basic');
    }
    throw unauthorizedError(deps.challenges, credential.problem);
  }
  if (credential.kind === 'bearer' && isJwtShaped(credential.token)) {
    throw unauthorizedError(deps.challenges, JWT_REFUSED_DESCRIPTION);
  }
  const isApiToken = credential.kind === 'basic' || looksLikeApiToken(credential.token);
  if (isApiToken) {
    const refusal = checkApiTokenLocally(credential, deps);
    if (refusal !== undefined) throw refusal;
  }
  const result = await introspect(credential.token, deps);
  if (!result.active) {
    if (isApiToken && deps.refreshSettings !== undefined) {
      await deps.refreshSettings();
      if (!deps.settings().apiTokenAuthEnabled) {
        throw apiTokensDisabledError(deps.challenges, credential.kind);
      }
    }
    throw unauthorizedError(deps.challenges, INACTIVE);
  }
  const { claims } = result;
  if (!isAudienceOf(claims.audiences, deps.resourceUrl)) {
    throw unauthorizedError(deps.challenges, 'The access token was not issued for this resource.');
  }
  if (isApiToken !== (claims.authMethod === 'api_token')) {
    throw unauthorizedError(deps.challenges, INACTIVE);
  }
  if (
    credential.kind === 'basic' &&
    normalizeEmail(credential.email) !== normalizeEmail(claims.email ?? '')
  ) {
    throw unauthorizedError(deps.challenges, 'The email does not match the API token.');
  }
  const user = await deps.users.findById(claims.subject);
  if (user === null || user.disabled || user.orgId !== deps.orgId) {
    throw unauthorizedError(deps.challenges, 'The account behind this token cannot sign in.');
  }
  return {
    actor: actorFromUser(user),
    authMethod: claims.authMethod,
    scopes: claims.scopes,
    clientId: claims.clientId,
    apiTokenId: claims.apiTokenId,
  };
}
