import type { OrgSettings } from '@gatehouse/policy';
import { RequestError } from '@gatehouse/server-kit';
import type { Middleware } from 'koa';
import type { RateLimiter } from './rate-limiter.js';

/** Registration bodies are a few hundred bytes; 16 KiB leaves room for long metadata. */
export const MAX_REGISTRATION_BODY_BYTES = 16 * 1024;

/**
 * What oidc-provider leaves to the host at the registration endpoint: the org's registration
 * policy (open, off, rate limited), a per-IP limit in every mode, and a body size limit.
 */
export function registrationGuard(options: {
  path: string;
  settings: () => OrgSettings;
  /** Safety limit applied when registration is open. */
  openLimiter: RateLimiter;
  /** The org's own limit when registration is `rate_limited`; keyed by its configured rate. */
  limiterFor: (maxPerHour: number) => RateLimiter;
}): Middleware {
  return async function registrationGuardMiddleware(ctx, next) {
    if (ctx.path !== options.path || ctx.method !== 'POST') return next();
    const { registration } = options.settings();
    if (registration.mode === 'off') {
      throw new RequestError(
        403,
        'access_denied',
        "Dynamic client registration is turned off by this organization's admin.",
      );
    }
    const length = ctx.request.length;
    if (length !== undefined && length > MAX_REGISTRATION_BODY_BYTES) {
      throw new RequestError(
        413,
        'invalid_client_metadata',
        `The registration request is larger than ${MAX_REGISTRATION_BODY_BYTES} bytes.`,
      );
    }
    const limiter =
      registration.mode === 'rate_limited'
        ? options.limiterFor(registration.maxPerHourPerIp)
        : options.openLimiter;
    const result = await limiter.consume(`registration:${ctx.ip}`);
    if (!result.allowed) {
      throw new RequestError(
        429,
        'too_many_requests',
        `Too many client registrations from this address. Try again in ${result.retryAfterSeconds} seconds.`,
        { retryAfterSeconds: result.retryAfterSeconds },
      );
    }
    return next();
  };
}
