/**
 * Token introspection (RFC 7662) at the authorization server: the resource server's only way to
 * validate a credential (DESIGN.md §4). This module is the wire: the request, the response's
 * shape, and what counts as "the authorization server cannot be reached". Caching lives in
 * `introspection-cache.ts`.
 */
import { AUTH_METHODS, type AuthMethod, splitScopeString } from '@gatehouse/policy';
import { z } from 'zod';

/** What an active token's introspection tells us, in our own names. */
export interface TokenClaims {
  /** The user id (`sub`). */
  subject: string;
  /** The OAuth client, or `api-token:<id>` for an API token. */
  clientId: string;
  scopes: string[];
  audiences: string[];
  /** Expiry, epoch seconds. */
  expiresAt: number;
  email: string | undefined;
  authMethod: AuthMethod;
  apiTokenId: string | undefined;
}

/** The outcome of introspecting one token. */
export type IntrospectionResult = { active: true; claims: TokenClaims } | { active: false };

/** Introspects one token. Rejects with `IntrospectionUnavailableError` when there is no answer. */
export type Introspector = (token: string) => Promise<IntrospectionResult>;

/** How long a client should wait after an outage before retrying: 5 seconds. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** The authorization server did not give a usable answer: the request must fail closed (503). */
export class IntrospectionUnavailableError extends Error {
  override readonly name = 'IntrospectionUnavailableError';
  readonly retryAfterSeconds = OUTAGE_RETRY_AFTER_SECONDS;
}

const ActiveResponse = z.object({
  active: z.literal(true),
  sub: z.string().min(1),
  client_id: z.string().min(1),
  scope: z.string().default(''),
  aud: z.union([
    z
      .string()
      .min(1)
      .transform((aud) => [aud]),
    z.array(z.string()).min(1),
  ]),
  exp: z.number().int().positive(),
  // Refresh tokens introspect without a token_type; DPoP-bound tokens as `DPoP`.
  token_type: z.string().regex(/^bearer$/i),
  email: z.string().optional(),
  auth_method: z.enum(AUTH_METHODS),
  api_token_id: z.string().optional(),
});

/**
 * Reads an introspection response body. `active: false`, and an active answer lacking what an
 * access token for this server must carry (a refresh token, a DPoP token, no `auth_method`),
 * are both inactive. A body that is not an introspection response at all is an outage.
 */
export function parseIntrospectionResponse(body: unknown): IntrospectionResult {
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof (body as { active?: unknown }).active !== 'boolean'
  ) {
    throw new IntrospectionUnavailableError('the introspection response is not RFC 7662 JSON');
  }
  const parsed = ActiveResponse.safeParse(body);
  if (!parsed.success) return { active: false };
  const r = parsed.data;
  return {
    active: true,
    claims: {
      subject: r.sub,
      clientId: r.client_id,
      scopes: splitScopeString(r.scope),
      audiences: r.aud,
      expiresAt: r.exp,
      email: r.email,
      authMethod: r.auth_method,
      apiTokenId: r.api_token_id,
    },
  };
}

/** Options of `createHttpIntrospector`. */
export interface HttpIntrospectorOptions {
  /** The authorization server's issuer; its RFC 8414 metadata names the endpoint. */
  issuer: string;
  /** The endpoint, when configured; skips discovery. */
  endpoint: string | undefined;
  clientId: string;
  /** The client secret (configured, or read from the store's key material). */
  clientSecret: () => Promise<string>;
  /** Longest wait for one answer, in milliseconds. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

function basicAuthorization(clientId: string, secret: string): string {
  // RFC 6749 §2.3.1: form-urlencode each part before base64.
  const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}

/**
 * Errors with which the authorization server refuses the *token*, not the request: oidc-provider
 * answers 400 `unsupported_token_type` to anything shaped like a JWT. Those tokens are simply not
 * active; only other failures mean the authorization server cannot be asked.
 */
const TOKEN_REFUSALS = new Set(['unsupported_token_type', 'invalid_token']);

async function isTokenRefusal(response: Response): Promise<boolean> {
  if (response.status !== 400) return false;
  try {
    const body = (await response.clone().json()) as { error?: unknown };
    return typeof body.error === 'string' && TOKEN_REFUSALS.has(body.error);
  } catch {
    return false;
  }
}

async function fetchJson(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
  options: { tokenRefusalIsInactive?: boolean } = {},
): Promise<unknown> {
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch (error) {
    throw new IntrospectionUnavailableError(`no answer from ${url}`, { cause: error });
  }
  if (options.tokenRefusalIsInactive === true && (await isTokenRefusal(response))) {
    await response.body?.cancel();
    return { active: false };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new IntrospectionUnavailableError(`${url} answered HTTP ${response.status}`);
  }
  try {
    return await response.json();
  } catch (error) {
    throw new IntrospectionUnavailableError(`${url} did not answer JSON`, { cause: error });
  }
}

/**
 * Finds the introspection endpoint in the issuer's RFC 8414 metadata, checking that the
 * document is the issuer's own (§3.3).
 */
async function discoverEndpoint(options: HttpIntrospectorOptions, doFetch: typeof fetch) {
  const url = `${options.issuer}/.well-known/oauth-authorization-server`;
  const metadata = (await fetchJson(doFetch, url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(options.timeoutMs),
  })) as { issuer?: unknown; introspection_endpoint?: unknown };
  if (metadata.issuer !== options.issuer || typeof metadata.introspection_endpoint !== 'string') {
    throw new IntrospectionUnavailableError(
      `${url} does not describe ${options.issuer} or names no introspection endpoint`,
    );
  }
  return metadata.introspection_endpoint;
}

/**
 * Introspection over HTTP with our confidential client's Basic credentials. The endpoint is
 * discovered once, on first use; a failed discovery is retried by the next call. Any failure to
 * get a well-formed answer in time (connection refused, timeout, non-2xx, not JSON) rejects with
 * `IntrospectionUnavailableError`.
 */
export function createHttpIntrospector(options: HttpIntrospectorOptions): Introspector {
  const doFetch = options.fetch ?? fetch;
  let endpoint: Promise<string> | undefined =
    options.endpoint === undefined ? undefined : Promise.resolve(options.endpoint);

  function resolveEndpoint(): Promise<string> {
    if (endpoint === undefined) {
      const discovery = discoverEndpoint(options, doFetch);
      endpoint = discovery;
      discovery.catch(() => {
        if (endpoint === discovery) endpoint = undefined;
      });
    }
    return endpoint;
  }

  return async function introspect(token) {
    const [url, secret] = await Promise.all([resolveEndpoint(), options.clientSecret()]);
    const body = await fetchJson(
      doFetch,
      url,
      {
        method: 'POST',
        headers: {
          accept: 'application/json',
          authorization: basicAuthorization(options.clientId, secret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ token }).toString(),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      { tokenRefusalIsInactive: true },
    );
    return parseIntrospectionResponse(body);
  };
}
