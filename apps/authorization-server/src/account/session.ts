import { randomBytes } from 'node:crypto';
import type { OidcAdapter } from '@gatehouse/store';
import type { Context } from 'koa';

/** How long a sign-in to the account pages lasts, in seconds: one working day. */
export const ACCOUNT_SESSION_TTL_SECONDS = 8 * 60 * 60;

/** Random bytes in a session id (256 bits), base64url: 43 characters. */
const SESSION_ID_BYTES = 32;
const SESSION_ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A signed-in browser on the account and admin pages. */
export interface AccountSession {
  id: string;
  userId: string;
  /** Epoch milliseconds. */
  createdAt: number;
  expiresAt: number;
}

/** Starts, reads and ends account sessions: a signed cookie naming a server-side record. */
export interface AccountSessions {
  /** A new session (always a new id: no fixation) and its cookie. */
  start(ctx: Context, userId: string): Promise<AccountSession>;
  /** The session the request's cookie names, when it is valid and unexpired. */
  current(ctx: Context): Promise<AccountSession | null>;
  /** Forgets the session server-side and clears the cookie. */
  end(ctx: Context): Promise<void>;
}

/** `__Host-` (Secure, no Domain, Path=/) over https; browsers refuse that prefix over http. */
export function accountSessionCookieName(https: boolean): string {
  return https ? '__Host-gatehouse.account' : 'gatehouse.account';
}

function toSession(
  id: string,
  payload: Record<string, unknown> | undefined,
): AccountSession | null {
  if (payload === undefined) return null;
  const { userId, createdAt, expiresAt } = payload;
  if (typeof userId !== 'string' || typeof createdAt !== 'number') return null;
  if (typeof expiresAt !== 'number' || expiresAt <= Date.now()) return null;
  return { id, userId, createdAt, expiresAt };
}

/**
 * Account sessions over an oidc-style adapter (`store.oidc.forModel('AccountSession')`), whose
 * records expire natively on both backends. The cookie is `HttpOnly`, `SameSite=Lax`, signed
 * with the app's cookie keys, and `Secure` with the `__Host-` prefix over https.
 */
export function createAccountSessions(options: {
  adapter: OidcAdapter;
  https: boolean;
  ttlSeconds?: number;
}): AccountSessions {
  const { adapter, https } = options;
  const ttlSeconds = options.ttlSeconds ?? ACCOUNT_SESSION_TTL_SECONDS;
  const name = accountSessionCookieName(https);
  const cookie = {
    httpOnly: true,
    sameSite: 'lax',
    secure: https,
    signed: true,
    path: '/',
  } as const;

  function cookieId(ctx: Context): string | null {
    const id = ctx.cookies.get(name, { signed: true });
    return id !== undefined && SESSION_ID_SHAPE.test(id) ? id : null;
  }

  return {
    async start(ctx, userId) {
      const previous = cookieId(ctx);
      if (previous !== null) await adapter.destroy(previous);
      const id = randomBytes(SESSION_ID_BYTES).toString('base64url');
      const createdAt = Date.now();
      const session = { id, userId, createdAt, expiresAt: createdAt + ttlSeconds * 1000 };
      await adapter.upsert(id, { userId, createdAt, expiresAt: session.expiresAt }, ttlSeconds);
      ctx.cookies.set(name, id, { ...cookie, maxAge: ttlSeconds * 1000 });
      return session;
    },
    async current(ctx) {
      const id = cookieId(ctx);
      return id === null ? null : toSession(id, await adapter.find(id));
    },
    async end(ctx) {
      const id = cookieId(ctx);
      if (id !== null) await adapter.destroy(id);
      ctx.cookies.set(name, null, { ...cookie, maxAge: 0 });
    },
  };
}
