import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OidcAdapter, OidcPayload } from '@gatehouse/store';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { accountSessionCookieName, createAccountSessions } from './session.js';

/** The adapter a session needs, in memory, remembering the TTLs it was given. */
function memoryAdapter() {
  const entries = new Map<string, { payload: OidcPayload; expiresIn?: number }>();
  const adapter = {
    async upsert(id: string, payload: OidcPayload, expiresIn?: number) {
      entries.set(id, { payload, ...(expiresIn === undefined ? {} : { expiresIn }) });
    },
    async find(id: string) {
      return entries.get(id)?.payload;
    },
    async destroy(id: string) {
      entries.delete(id);
    },
  } as unknown as OidcAdapter;
  return { adapter, entries };
}

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A tiny app: `/start` signs in user-1, `/who` says who is signed in, `/end` signs out. */
async function startApp(https: boolean) {
  const { adapter, entries } = memoryAdapter();
  const sessions = createAccountSessions({ adapter, https, ttlSeconds: 600 });
  const app = new Koa({ keys: ['k'.repeat(43)], proxy: true });
  app.use(async (ctx) => {
    if (ctx.path === '/start') ctx.body = (await sessions.start(ctx, 'user-1')).id;
    else if (ctx.path === '/end') ctx.body = String(await sessions.end(ctx));
    else ctx.body = (await sessions.current(ctx))?.userId ?? 'nobody';
  });
  server = createServer(app.callback());
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers: Record<string, string> = https ? { 'x-forwarded-proto': 'https' } : {};
  const get = (path: string, cookie = '') =>
    fetch(`${base}${path}`, { headers: { ...headers, cookie } });
  return { get, entries };
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('account sessions', () => {
  it.each([
    [false, 'gatehouse.account', false],
    [true, '__Host-gatehouse.account', true],
  ])(
    'over https=%s: cookie %s, HttpOnly, SameSite=Lax, Path=/, Secure=%s, signed',
    async (https, name, secure) => {
      expect(accountSessionCookieName(https)).toBe(name);
      const { get } = await startApp(https);
      const started = await get('/start');
      const cookies = started.headers.getSetCookie();
      const session = cookies.find((c) => c.startsWith(`${name}=`)) ?? '';
      expect(session).toMatch(/; path=\//);
      expect(session).toMatch(/; httponly/i);
      expect(session).toMatch(/; samesite=lax/i);
      expect(/; secure/i.test(session)).toBe(secure);
      expect(session).not.toMatch(/; domain=/i);
      expect(cookies.some((c) => c.startsWith(`${name}.sig=`))).toBe(true);
    },
  );

  it('keeps a server-side record with a TTL, and forgets it on sign-out', async () => {
    const { get, entries } = await startApp(false);
    const started = await get('/start');
    const id = await started.text();
    expect(entries.get(id)).toMatchObject({ payload: { userId: 'user-1' }, expiresIn: 600 });
    const cookie = cookiesOf(started);
    expect(await (await get('/who', cookie)).text()).toBe('user-1');
    await get('/end', cookie);
    expect(entries.has(id)).toBe(false);
    expect(await (await get('/who', cookie)).text()).toBe('nobody');
  });

  it('ignores a cookie whose signature does not match', async () => {
    const { get } = await startApp(false);
    const started = await get('/start');
    const forged = cookiesOf(started).replace(
      /gatehouse\.account=[^;]+/,
      `gatehouse.account=${'x'.repeat(43)}`,
    );
    expect(await (await get('/who', forged)).text()).toBe('nobody');
  });
});
