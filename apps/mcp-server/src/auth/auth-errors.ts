/**
 * The errors the resource server answers about credentials, each with its status, OAuth error
 * code and `WWW-Authenticate` challenge (RFC 6750 §3.1, MCP authorization §"Error Handling").
 */
import { RESOURCE_SCOPES_SUPPORTED } from '@gatehouse/policy';
import { RequestError } from '../http/errors.js';
import { formatChallenges } from './challenge.js';
import { OUTAGE_RETRY_AFTER_SECONDS } from './introspection.js';

/** What every challenge needs to know. */
export interface ChallengeSettings {
  /** The protected resource metadata URL. */
  resourceMetadataUrl: string;
  /** Whether API tokens are accepted now (then `Basic` is advertised too). */
  apiTokensEnabled: () => boolean;
}

/** Told to every API-token caller while the org has API-token authentication switched off. */
export const API_TOKENS_DISABLED_DESCRIPTION =
  "API-token authentication is disabled by your organization's admin. " +
  'Connect with OAuth 2.1 instead: the protected resource metadata names the authorization server.';

function unauthorizedChallenge(settings: ChallengeSettings, problem?: string): string {
  return formatChallenges(
    {
      resourceMetadataUrl: settings.resourceMetadataUrl,
      scopes: RESOURCE_SCOPES_SUPPORTED,
      ...(problem === undefined ? {} : { error: { code: 'invalid_token', description: problem } }),
    },
    { basic: settings.apiTokensEnabled() },
  );
}

/**
 * 401. Without `problem` (nothing usable was sent) the challenge carries no error, as RFC 6750
 * §3.1 asks; with it, `error="invalid_token"` and the problem as `error_description`. The scope
 * is the minimal set for basic use (`RESOURCE_SCOPES_SUPPORTED`); more comes by step-up.
 */
export function unauthorizedError(settings: ChallengeSettings, problem?: string): RequestError {
  const wwwAuthenticate = unauthorizedChallenge(settings, problem);
  return problem === undefined
    ? new RequestError(401, 'unauthorized', 'This MCP server needs an access token.', {
        wwwAuthenticate,
      })
    : new RequestError(401, 'invalid_token', problem, { wwwAuthenticate });
}

/**
 * 401 for a credential in a scheme this server does not take right now: `Basic` while the org
 * has API tokens off. RFC 6750 §3.1: a request that carries no Bearer credential gets a challenge
 * without an error code, so the challenge is the one for "nothing sent"; `explanation` reaches
 * the caller in the JSON body only (`error: "unauthorized"`).
 */
export function unsupportedSchemeError(
  settings: ChallengeSettings,
  explanation: string,
): RequestError {
  return new RequestError(401, 'unauthorized', explanation, {
    wwwAuthenticate: unauthorizedChallenge(settings),
  });
}

/**
 * The 401 for an API token while the org has API tokens off. A `Basic` credential is in a scheme
 * not taken now (no error in the challenge); a `gat_` bearer is a Bearer credential that is not
 * valid here, so its challenge says `invalid_token` with the same explanation.
 */
export function apiTokensDisabledError(
  settings: ChallengeSettings,
  scheme: 'basic' | 'bearer',
): RequestError {
  return scheme === 'basic'
    ? unsupportedSchemeError(settings, API_TOKENS_DISABLED_DESCRIPTION)
    : unauthorizedError(settings, API_TOKENS_DISABLED_DESCRIPTION);
}

/** 403 `insufficient_scope`: `scopes` would satisfy the request (step-up authorization). */
export function insufficientScopeError(
  settings: ChallengeSettings,
  scopes: readonly string[],
  description: string,
): RequestError {
  const wwwAuthenticate = formatChallenges(
    {
      resourceMetadataUrl: settings.resourceMetadataUrl,
      scopes,
      error: { code: 'insufficient_scope', description },
    },
    { basic: false },
  );
  return new RequestError(403, 'insufficient_scope', description, { wwwAuthenticate });
}

/** 400 `invalid_request`: a token in the query string is refused, never looked at. */
export function tokenInQueryError(settings: ChallengeSettings): RequestError {
  const description =
    'Access tokens are accepted only in the Authorization header, never in the URL.';
  const wwwAuthenticate = formatChallenges(
    {
      resourceMetadataUrl: settings.resourceMetadataUrl,
      scopes: [],
      error: { code: 'invalid_request', description },
    },
    { basic: false },
  );
  return new RequestError(400, 'invalid_request', description, { wwwAuthenticate });
}

/** 503: the authorization server cannot confirm the token, so nothing is served (fail closed). */
export function introspectionUnavailableError(cause: unknown): RequestError {
  return new RequestError(
    503,
    'temporarily_unavailable',
    'The authorization server cannot be reached to check the access token. Try again shortly.',
    { expose: true, retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS, cause },
  );
}
