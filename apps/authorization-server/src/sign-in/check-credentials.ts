import { normalizeEmail, type Store, type User, verifyPassword } from '@gatehouse/store';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { RateLimiter } from '../http/rate-limiter.js';

/** RFC 5321's limit on a forward path; anything longer cannot be an account's email. */
const MAX_EMAIL_LENGTH = 254;

/** One message for every wrong credential: it never says which part was wrong. */
export const WRONG_CREDENTIALS_MESSAGE = 'That email and password do not match an account.';

/** What checking a password needs; shared by the OAuth sign-in and the account sign-in. */
export interface CredentialDeps {
  store: Pick<Store, 'users'>;
  audit: AuditWriter;
  orgId: string;
  /**
   * Sign-in throttling, shared by every instance through the store:
   * - `perIp`: every attempt from one address (a flood guard, generous for offices behind NAT);
   * - `failuresPerAccountIp`: failures for one account from one address (the guessing guard);
   * - `failuresPerAccount`: failures for one account from anywhere (distributed guessing), high
   *   enough that one attacker cannot lock a person out by failing on purpose.
   */
  loginLimiters: {
    perIp: RateLimiter;
    failuresPerAccountIp: RateLimiter;
    failuresPerAccount: RateLimiter;
  };
  /**
   * A real scrypt hash of a random password, verified against when the email is unknown, so
   * that a wrong email and a wrong password take the same time.
   */
  decoyPasswordHash: string;
}

export interface CredentialAttempt {
  email: string;
  password: string;
  ip: string;
  /** The OAuth client the sign-in is for; `null` for the account pages. */
  clientId: string | null;
  /** Where the sign-in happened, for the audit log: `oauth` or `account`. */
  via: 'oauth' | 'account';
}

/** The user, or what to tell the person: the status, a neutral message, a wait. */
export type CredentialCheck =
  | { ok: true; user: User }
  | { ok: false; status: 400 | 401 | 429; message: string; retryAfterSeconds?: number };

/** Seconds to wait before another attempt may be checked, or 0. The per-IP count comes first. */
async function throttle(deps: CredentialDeps, ip: string, email: string): Promise<number> {
  const byIp = await deps.loginLimiters.perIp.consume(ip);
  if (!byIp.allowed) return byIp.retryAfterSeconds;
  const [byAccountIp, byAccount] = await Promise.all([
    deps.loginLimiters.failuresPerAccountIp.check(`${email}|${ip}`),
    deps.loginLimiters.failuresPerAccount.check(email),
  ]);
  return Math.max(byAccountIp.retryAfterSeconds, byAccount.retryAfterSeconds);
}

async function countFailure(deps: CredentialDeps, ip: string, email: string): Promise<void> {
  await Promise.all([
    deps.loginLimiters.failuresPerAccountIp.consume(`${email}|${ip}`),
    deps.loginLimiters.failuresPerAccount.consume(email),
  ]);
}

function tooManyAttempts(retryAfterSeconds: number): CredentialCheck {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return {
    ok: false,
    status: 429,
    message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    retryAfterSeconds,
  };
}

/**
 * Checks an email and password: throttled per IP and per account, the same time spent whether
 * the email exists or not, one neutral message for every wrong credential, and an audit event
 * (`auth.sign_in`) for every decided attempt.
 */
export async function checkCredentials(
  deps: CredentialDeps,
  attempt: CredentialAttempt,
): Promise<CredentialCheck> {
  const email = normalizeEmail(attempt.email);
  if (email === '' || attempt.password === '') {
    return { ok: false, status: 400, message: 'Enter your email and your password.' };
  }
  if (email.length > MAX_EMAIL_LENGTH || !email.includes('@')) {
    return { ok: false, status: 400, message: 'Enter the email address of your account.' };
  }
  const retryAfter = await throttle(deps, attempt.ip, email);
  if (retryAfter > 0) return tooManyAttempts(retryAfter);
  const user = await deps.store.users.findByEmail(email);
  const passwordMatches = await verifyPassword(
    attempt.password,
    user?.passwordHash ?? deps.decoyPasswordHash,
  );
  const audit = {
    orgId: deps.orgId,
    action: 'auth.sign_in',
    clientId: attempt.clientId,
    ip: attempt.ip,
  };
  if (user === null || user.disabled || !passwordMatches) {
    await countFailure(deps, attempt.ip, email);
    await deps.audit({
      ...audit,
      outcome: 'failure',
      actor: user?.id ?? null,
      details: { email, via: attempt.via },
    });
    return { ok: false, status: 401, message: WRONG_CREDENTIALS_MESSAGE };
  }
  // Only this address's failures are forgiven: an attacker elsewhere keeps their count.
  await deps.loginLimiters.failuresPerAccountIp.reset(`${email}|${attempt.ip}`);
  await deps.audit({ ...audit, outcome: 'success', actor: user.id, details: { via: attempt.via } });
  return { ok: true, user };
}
