/**
 * Stack: the authorization server in-process on an ephemeral port over a seeded SQLite store.
 * Health and readiness, the headers every page carries, cookie flags, and sign-out.
 */
import type { RunningAuthorizationServer } from '@gatehouse/authorization-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_PATHS, authorize, registerClient } from '../support/oauth-flow.js';
import {
  DEMO_PASSWORD,
  openTestStore,
  startAuthorizationServer,
  type TestStore,
} from '../support/stack.js';
import { createPkcePair, hiddenField, locationOf, UserAgent } from '../support/user-agent.js';

let testStore: TestStore;
let as: RunningAuthorizationServer;

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
  as = await startAuthorizationServer(testStore.store);
});

afterAll(async () => {
  await as?.close();
  await testStore?.dispose();
});

/** Starts an authorization for a fresh client; the response sends the browser to sign in. */
async function beginAuthorization(agent: UserAgent): Promise<{ url: URL; response: Response }> {
  const client = await registerClient(as.url);
  const url = new URL(AS_PATHS.authorize, as.url);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    response_type: 'code',
    redirect_uri: client.redirect_uris[0] ?? '',
    scope: 'read:jira-work',
    code_challenge: createPkcePair().challenge,
    code_challenge_method: 'S256',
  }).toString();
  return { url, response: await agent.get(url) };
}

async function startSignIn(agent: UserAgent): Promise<URL> {
  const { url, response } = await beginAuthorization(agent);
  expect(response.status).toBe(303);
  return locationOf(response, url);
}

describe('operations', () => {
  it('answers /healthz and /readyz', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const response = await fetch(`${as.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('is not ready while its store does not answer', async () => {
    const broken = await openTestStore('sqlite');
    const server = await startAuthorizationServer(broken.store);
    try {
      await broken.store.close();
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable' });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
      await broken.dispose();
    }
  });
});

describe('pages are locked down', () => {
  it('sends a strict CSP, no framing, no sniffing, no caching and no referrer', async () => {
    const agent = new UserAgent();
    const loginUrl = await startSignIn(agent);
    const page = await agent.get(loginUrl);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toContain('no-store');
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('sets HttpOnly, SameSite=Lax cookies', async () => {
    const { response } = await beginAuthorization(new UserAgent());
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie.toLowerCase()).toContain('httponly');
      expect(cookie.toLowerCase()).toContain('samesite=lax');
    }
  });

  it('serves the stylesheet', async () => {
    const response = await fetch(`${as.url}/assets/app.css`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/css');
  });
});

describe('sign-out (RP-initiated logout)', () => {
  it('asks first, then ends the session: the next authorization asks to sign in (and consent) again', async () => {
    const agent = new UserAgent();
    const client = await registerClient(as.url);
    const alice = { email: 'alice@example.com', password: DEMO_PASSWORD };
    await authorize({ issuer: as.url, client, scope: 'read:jira-work', user: alice, agent });

    const confirm = await agent.get(`${as.url}/oauth/logout`);
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain('Sign out of Gatehouse?');
    const done = await agent.postForm(`${as.url}/oauth/logout/confirm`, {
      xsrf: hiddenField(page, 'xsrf'),
      logout: 'yes',
    });
    expect([200, 303]).toContain(done.status);
    const after =
      done.status === 303
        ? await agent.get(locationOf(done, `${as.url}/oauth/logout/confirm`))
        : done;
    expect(await after.text()).toContain('You are signed out');

    const again = await authorize({
      issuer: as.url,
      client,
      scope: 'read:jira-work',
      user: alice,
      agent,
    });
    // The remembered consent lived in the browser session, so it goes with it.
    expect(again.pages).toEqual(['login', 'consent']);
  });
});
