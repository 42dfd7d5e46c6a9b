import { createHash } from 'node:crypto';
import type { RateLimitStore } from '@gatehouse/store';
import { RequestError } from '../http/errors.js';
import type { PresentedCredential } from './credentials.js';

/**
 * Failed API-token attempts are throttled per client IP and per token prefix (DESIGN.md §4,
 * issue 5), in the store's shared counters so that every instance counts together. Only
 * failures count: a working token is never slowed down, and neither is the refusal an org gets
 * while it has API tokens switched off (that is not a guess).
 */
export interface ApiTokenThrottle {
  /** Rejects with 429 when this address or this token has failed too often. */
  assertAllowed(ip: string, token: string): Promise<void>;
  recordFailure(ip: string, token: string): Promise<void>;
}

export interface ThrottleLimit {
  failures: number;
  windowSeconds: number;
}

export const DEFAULT_API_TOKEN_THROTTLE = {
  perIp: { failures: 30, windowSeconds: 5 * 60 },
  perPrefix: { failures: 10, windowSeconds: 5 * 60 },
} as const;

/** `gat_` and the first eight secret characters: enough to tell tokens apart in a count. */
const PREFIX_LENGTH = 12;

/** The key never holds token characters: a hash of the prefix names the counter. */
function prefixKey(token: string): string {
  return createHash('sha256').update(token.slice(0, PREFIX_LENGTH)).digest('hex').slice(0, 32);
}

/** The API token a credential carries, if any: Basic always, Bearer when it is a `gat_` token. */
export function presentedApiToken(credential: PresentedCredential): string | undefined {
  if (credential.kind === 'basic') return credential.token;
  if (credential.kind === 'bearer' && credential.token.startsWith('gat_')) return credential.token;
  return undefined;
}

export function createApiTokenThrottle(
  limits: RateLimitStore,
  options: { perIp: ThrottleLimit; perPrefix: ThrottleLimit } = DEFAULT_API_TOKEN_THROTTLE,
): ApiTokenThrottle {
  const keys = (ip: string, token: string) => ({
    ip: `api-token-failures-ip:${ip}`,
    prefix: `api-token-failures-prefix:${prefixKey(token)}`,
  });
  return {
    async assertAllowed(ip, token) {
      const { ip: ipKey, prefix } = keys(ip, token);
      const [byIp, byPrefix] = await Promise.all([limits.peek(ipKey), limits.peek(prefix)]);
      const now = Date.now();
      const waits = [
        byIp !== null && byIp.count >= options.perIp.failures ? byIp.resetAt - now : 0,
        byPrefix !== null && byPrefix.count >= options.perPrefix.failures
          ? byPrefix.resetAt - now
          : 0,
      ];
      const waitMs = Math.max(...waits);
      if (waitMs > 0) {
        const seconds = Math.max(1, Math.ceil(waitMs / 1000));
        throw new RequestError(
          429,
          'too_many_requests',
          `Too many failed API-token attempts from this address or for this token. Try again in ${seconds} seconds.`,
          { retryAfterSeconds: seconds },
        );
      }
    },
    async recordFailure(ip, token) {
      const { ip: ipKey, prefix } = keys(ip, token);
      await Promise.all([
        limits.hit(ipKey, options.perIp.windowSeconds),
        limits.hit(prefix, options.perPrefix.windowSeconds),
      ]);
    },
  };
}
