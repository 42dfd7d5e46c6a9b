/**
 * Failed credential attempts are counted in the store's shared counters, so that every instance
 * counts together (DESIGN.md §4, issue 5):
 * - API tokens (`Basic`, or a `gat_` bearer): per token prefix and per client address;
 * - any other bearer token (OAuth access tokens, and whatever else is sent as one): per client
 *   address, with a more generous limit, since every unknown one costs an introspection call.
 * Only failures count: a working token is never slowed down, and neither is the refusal an org
 * gets while it has API tokens switched off (that is not a guess). A request with no credential
 * is the start of every OAuth flow and is never counted.
 *
 * The limits guard different things and so act at different moments:
 * - **Per prefix, before authentication.** Someone hammering one API token (or tokens sharing
 *   its first characters) is refused 429 before the authorization server is asked again.
 * - **Per address, only on failure.** One address is often many people (an office NAT, a CI
 *   provider's egress), and anyone there can fail on purpose. If an address limit refused
 *   requests up front, any unauthenticated client could lock out everyone behind the same
 *   address. So a working token is always served, and a refused attempt is answered 429
 *   instead of 401 once its address is over the limit.
 *
 * The trade-off: an address over its limit still costs one introspection per new token it
 * tries. The 429 tells well-behaved clients to back off; repeats of one token are answered from
 * the introspection cache, whose inactive entries have their own bound and never push out
 * active ones; a flood of distinct tokens is for the edge (reverse proxy, WAF) to stop. A
 * failure with a token the introspection cache holds as active (right token, wrong email; a
 * disabled user; another audience) is no guess and is not counted.
 */
import { createHash } from 'node:crypto';
import type { RateLimitStore } from '@gatehouse/store';
import { RequestError } from '../http/errors.js';
import type { PresentedCredential } from './credentials.js';

export interface CredentialThrottle {
  /** Before authentication: rejects with 429 when this API token's prefix has failed too often. */
  assertAllowed(credential: PresentedCredential): Promise<void>;
  /**
   * After a refused attempt: counts it. Returns the 429 to answer instead of the refusal once
   * the address is over its limit, else undefined.
   */
  recordFailure(ip: string, credential: PresentedCredential): Promise<RequestError | undefined>;
}

/**
 * How many failures are allowed per window before 429. The defaults (and the variables that
 * change them) are in `env.ts`.
 */
export interface FailureLimits {
  /** Failed API-token attempts (`Basic`, or a `gat_` bearer) per client address. */
  apiTokenPerIp: number;
  /** Failed attempts per API-token prefix, from any address; checked before authentication. */
  apiTokenPerPrefix: number;
  /** Failed attempts per client address with any other bearer token. */
  bearerPerIp: number;
  /** The counting window, in seconds; it opens with a key's first failure. */
  windowSeconds: number;
}

/** Options of `createCredentialThrottle`. */
export interface CredentialThrottleOptions {
  limits: FailureLimits;
  /** True when the introspection cache holds `token` as active (`IntrospectionCache.peekActive`). */
  isKnownActive: (token: string) => boolean;
}

/** `gat_` and the first eight secret characters: enough to tell tokens apart in a count. */
const PREFIX_LENGTH = 12;

/** The key never holds token characters: a hash of the prefix names the counter. */
function prefixKey(token: string): string {
  const hash = createHash('sha256').update(token.slice(0, PREFIX_LENGTH)).digest('hex');
  return `api-token-failures-prefix:${hash.slice(0, 32)}`;
}

/** The API token a credential carries, if any: Basic always, Bearer when it is a `gat_` token. */
export function presentedApiToken(credential: PresentedCredential): string | undefined {
  if (credential.kind === 'basic') return credential.token;
  if (credential.kind === 'bearer' && credential.token.startsWith('gat_')) return credential.token;
  return undefined;
}

/** 429 with the wait until `resetAt` (epoch ms), at least one second. */
function tooManyFailures(resetAt: number, what: string): RequestError {
  const seconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
  return new RequestError(
    429,
    'too_many_requests',
    `Too many failed ${what}. Try again in ${seconds} seconds.`,
    { retryAfterSeconds: seconds },
  );
}

export function createCredentialThrottle(
  store: RateLimitStore,
  options: CredentialThrottleOptions,
): CredentialThrottle {
  const { limits } = options;

  async function recordApiTokenFailure(ip: string, token: string) {
    const [byIp] = await Promise.all([
      store.hit(`api-token-failures-ip:${ip}`, limits.windowSeconds),
      store.hit(prefixKey(token), limits.windowSeconds),
    ]);
    if (byIp.count <= limits.apiTokenPerIp) return undefined;
    return tooManyFailures(byIp.resetAt, 'API-token attempts from this address');
  }

  async function recordBearerFailure(ip: string) {
    const byIp = await store.hit(`bearer-failures-ip:${ip}`, limits.windowSeconds);
    if (byIp.count <= limits.bearerPerIp) return undefined;
    return tooManyFailures(byIp.resetAt, 'access-token attempts from this address');
  }

  return {
    async assertAllowed(credential) {
      const token = presentedApiToken(credential);
      if (token === undefined) return;
      const byPrefix = await store.peek(prefixKey(token));
      if (byPrefix !== null && byPrefix.count >= limits.apiTokenPerPrefix) {
        throw tooManyFailures(byPrefix.resetAt, 'attempts with this API token');
      }
    },
    async recordFailure(ip, credential) {
      if (credential.kind !== 'bearer' && credential.kind !== 'basic') return undefined;
      if (options.isKnownActive(credential.token)) return undefined;
      const apiToken = presentedApiToken(credential);
      return apiToken === undefined ? recordBearerFailure(ip) : recordApiTokenFailure(ip, apiToken);
    },
  };
}
