/**
 * Failed API-token attempts are throttled per token prefix and per client IP (DESIGN.md §4,
 * issue 5), in the store's shared counters so that every instance counts together. Only
 * failures count: a working token is never slowed down, and neither is the refusal an org gets
 * while it has API tokens switched off (that is not a guess).
 *
 * The two limits guard different things and so act at different moments:
 * - **Per prefix, before authentication.** Someone hammering one token (or tokens sharing its
 *   first characters) is refused 429 before the authorization server is asked again.
 * - **Per address, only on failure.** One address is often many people (an office NAT, a CI
 *   provider's egress), and anyone there can fail on purpose. If the address limit refused
 *   requests up front, any unauthenticated client could switch API tokens off for everyone
 *   behind the same address. So a working token is always served, and a refused attempt is
 *   answered 429 instead of 401 once its address is over the limit.
 *
 * The trade-off: an address over its limit still costs one introspection per new token it
 * tries (the per-prefix limit and the introspection cache bound repeats of one token); the
 * 429 tells well-behaved clients to back off, and a flood of distinct tokens is for the edge
 * (reverse proxy, WAF) to stop. A failure with a token the introspection cache holds as active
 * (right token, wrong email; a disabled user) is no guess and is not counted.
 */
import { createHash } from 'node:crypto';
import type { RateLimitStore } from '@gatehouse/store';
import { RequestError } from '../http/errors.js';
import type { PresentedCredential } from './credentials.js';

export interface ApiTokenThrottle {
  /** Before authentication: rejects with 429 when this token's prefix has failed too often. */
  assertTokenAllowed(token: string): Promise<void>;
  /**
   * After a refused attempt: counts it against the address and the prefix. Returns the 429 to
   * answer instead of the refusal once the address is over its limit, else undefined.
   */
  recordFailure(ip: string, token: string): Promise<RequestError | undefined>;
}

export interface ThrottleLimit {
  failures: number;
  windowSeconds: number;
}

/** Options of `createApiTokenThrottle`. */
export interface ApiTokenThrottleOptions {
  perIp: ThrottleLimit;
  perPrefix: ThrottleLimit;
  /** True when the introspection cache holds `token` as active (`IntrospectionCache.peekActive`). */
  isKnownActive: (token: string) => boolean;
}

/** 30 failures per address and 10 per prefix, each in 5 minutes. */
export const DEFAULT_API_TOKEN_THROTTLE = {
  perIp: { failures: 30, windowSeconds: 5 * 60 },
  perPrefix: { failures: 10, windowSeconds: 5 * 60 },
} as const;

/** `gat_` and the first eight secret characters: enough to tell tokens apart in a count. */
const PREFIX_LENGTH = 12;

/** The key never holds token characters: a hash of the prefix names the counter. */
function prefixKey(token: string): string {
  const hash = createHash('sha256').update(token.slice(0, PREFIX_LENGTH)).digest('hex');
  return `api-token-failures-prefix:${hash.slice(0, 32)}`;
}

const ipKey = (ip: string) => `api-token-failures-ip:${ip}`;

/** The API token a credential carries, if any: Basic always, Bearer when it is a `gat_` token. */
export function presentedApiToken(credential: PresentedCredential): string | undefined {
  if (credential.kind === 'basic') return credential.token;
  if (credential.kind === 'bearer' && credential.token.startsWith('gat_')) return credential.token;
  return undefined;
}

/** 429 with the wait until `resetAt` (epoch ms), at least one second. */
export function tooManyFailures(resetAt: number, what: string): RequestError {
  const seconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
  return new RequestError(
    429,
    'too_many_requests',
    `Too many failed ${what}. Try again in ${seconds} seconds.`,
    { retryAfterSeconds: seconds },
  );
}

export function createApiTokenThrottle(
  limits: RateLimitStore,
  options: ApiTokenThrottleOptions,
): ApiTokenThrottle {
  return {
    async assertTokenAllowed(token) {
      const byPrefix = await limits.peek(prefixKey(token));
      if (byPrefix !== null && byPrefix.count >= options.perPrefix.failures) {
        throw tooManyFailures(byPrefix.resetAt, 'attempts with this API token');
      }
    },
    async recordFailure(ip, token) {
      if (options.isKnownActive(token)) return undefined;
      const [byIp] = await Promise.all([
        limits.hit(ipKey(ip), options.perIp.windowSeconds),
        limits.hit(prefixKey(token), options.perPrefix.windowSeconds),
      ]);
      if (byIp.count <= options.perIp.failures) return undefined;
      return tooManyFailures(byIp.resetAt, 'API-token attempts from this address');
    },
  };
}
