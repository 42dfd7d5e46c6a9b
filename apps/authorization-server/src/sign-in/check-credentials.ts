import { type Store, type User, verifyPassword } from '@gatehouse/store';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { RateLimiter } from '../http/rate-limiter.js';

/** One message for every wrong credential: it never says which part was wrong. */
export const WRONG_CREDENTIALS_MESSAGE = 'That email and password do not match an account.';

/** What checking a password needs; shared by the OAuth sign-in and the account sign-in. */
export interface CredentialDeps {
  store: Pick<Store, 'users'>;
  audit: AuditWriter;
  orgId: string;
  /** Failed sign-ins per client IP, and per account (email). */
  loginLimiters: { perIp: RateLimiter; perAccount: RateLimiter };
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

async function throttle(deps: CredentialDeps, ip: string, email: string): Promise<number> {
  const [byIp, byAccount] = await Promise.all([
    deps.loginLimiters.perIp.consume(`login-ip:${ip}`),
    deps.loginLimiters.perAccount.consume(`login-account:${email}`),
  ]);
  return Math.max(byIp.retryAfterSeconds, byAccount.retryAfterSeconds);
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
  const email = attempt.email.trim().toLowerCase();
  const retryAfter = await throttle(deps, attempt.ip, email);
  if (retryAfter > 0) return tooManyAttempts(retryAfter);
  if (email === '' || attempt.password === '') {
    return { ok: false, status: 400, message: 'Enter your email and your password.' };
  }
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
    await deps.audit({
      ...audit,
      outcome: 'failure',
      actor: user?.id ?? null,
      details: { email, via: attempt.via },
    });
    return { ok: false, status: 401, message: WRONG_CREDENTIALS_MESSAGE };
  }
  await deps.loginLimiters.perAccount.reset(`login-account:${email}`);
  await deps.audit({ ...audit, outcome: 'success', actor: user.id, details: { via: attempt.via } });
  return { ok: true, user };
}
