/**
 * Stack: the authorization server in-process (SQLite store), a loopback callback server playing
 * the MCP client's redirect target, and headless Debian Chromium driven by playwright-core.
 * Screenshots of each page land in test/test-results/screenshots/.
 */
import type { RunningAuthorizationServer } from '@gatehouse/authorization-server';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import { type CallbackServer, startCallbackServer } from '../support/callback-server.js';
import {
  AS_PATHS,
  type RegisteredClient,
  registerClient,
  tokenRequest,
} from '../support/oauth-flow.js';
import {
  DEMO_PASSWORD,
  openTestStore,
  startAuthorizationServer,
  type TestStore,
} from '../support/stack.js';
import { createPkcePair } from '../support/user-agent.js';
import { ConsentPage } from './pages/consent-page.js';
import { LoginPage } from './pages/login-page.js';

const CLIENT_NAME = 'Browser Test Agent';

let testStore: TestStore;
let as: RunningAuthorizationServer;
let callbacks: CallbackServer;
let browser: Browser;
let client: RegisteredClient;
let context: BrowserContext;

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
  as = await startAuthorizationServer(testStore.store);
  callbacks = await startCallbackServer();
  browser = await launchBrowser();
  client = await registerClient(as.url, {
    client_name: CLIENT_NAME,
    redirect_uris: [callbacks.redirectUri],
  });
});

afterAll(async () => {
  await browser?.close();
  await callbacks?.close();
  await as?.close();
  await testStore?.dispose();
});

beforeEach(async () => {
  context = await browser.newContext();
});

afterEach(async () => {
  await context.close();
});

function authorizationUrl(scope: string): { url: string; verifier: string } {
  const { verifier, challenge } = createPkcePair();
  const url = new URL(AS_PATHS.authorize, as.url);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    response_type: 'code',
    redirect_uri: callbacks.redirectUri,
    scope,
    state: 'browser-state',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    resource: as.config.mcpResourceUrl,
  }).toString();
  return { url: url.href, verifier };
}

async function signInAndReachConsent(scope: string) {
  const page = await context.newPage();
  const request = authorizationUrl(scope);
  await page.goto(request.url);
  const login = new LoginPage(page);
  await login.expectShown();
  return { page, login, consent: new ConsentPage(page), request };
}

describe('login and consent in a browser', () => {
  it('signs in, shows what the app asks for, and allows', async () => {
    const { page, login, consent, request } = await signInAndReachConsent(
      'read:jira-work write:jira-work',
    );
    await saveScreenshot(page, 'login');
    await login.signIn('alice@example.com', DEMO_PASSWORD);
    await consent.expectShown(CLIENT_NAME);
    await saveScreenshot(page, 'consent');
    expect(await consent.scopes()).toEqual(['read:jira-work', 'write:jira-work']);
    const text = await consent.bodyText();
    expect(text).toContain('127.0.0.1');
    expect(text).toContain(as.config.mcpResourceUrl);
    expect(text).toContain('Can make changes');

    const callbackArrived = callbacks.nextCallback();
    await consent.allow();
    const callback = await callbackArrived;
    expect(callback.searchParams.get('iss')).toBe(as.url);
    const tokens = await tokenRequest(as.url, {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: callbacks.redirectUri,
      client_id: client.client_id,
      code_verifier: request.verifier,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.body.scope).toBe('read:jira-work write:jira-work');
  });

  it('tells a wrong password apart from nothing and keeps the email', async () => {
    const { page, login } = await signInAndReachConsent('read:jira-work');
    await login.signIn('alice@example.com', 'not-the-password');
    await login.expectShown();
    expect(await login.errorText()).toContain('That email and password do not match an account.');
    expect(await page.getByLabel('Email').inputValue()).toBe('alice@example.com');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await saveScreenshot(page, 'login-error');
  });

  it('denies, and the app receives access_denied', async () => {
    const { login, consent } = await signInAndReachConsent('read:confluence-content');
    await login.signIn('bob@example.com', DEMO_PASSWORD);
    await consent.expectShown(CLIENT_NAME);
    const callbackArrived = callbacks.nextCallback();
    await consent.deny();
    const callback = await callbackArrived;
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('code')).toBeNull();
  });

  it('remembers consent: the same scopes again go straight back to the app', async () => {
    const first = await signInAndReachConsent('read:compass');
    await first.login.signIn('carol@example.com', DEMO_PASSWORD);
    await first.consent.expectShown(CLIENT_NAME);
    const firstCallback = callbacks.nextCallback();
    await first.consent.allow();
    await firstCallback;

    const again = await context.newPage();
    const secondCallback = callbacks.nextCallback();
    await again.goto(authorizationUrl('read:compass').url);
    const callback = await secondCallback;
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(new URL(again.url()).origin).toBe(new URL(callbacks.redirectUri).origin);
  });

  it('rejects a consent form with a forged CSRF token and changes nothing', async () => {
    const { page, login, consent } = await signInAndReachConsent('read:jira-work');
    await login.signIn('alice@example.com', DEMO_PASSWORD);
    await consent.expectShown(CLIENT_NAME);
    await consent.forgeCsrfToken();
    const response = page.waitForResponse((r) => r.url().endsWith('/consent'));
    await page.getByRole('button', { name: 'Allow' }).click();
    expect((await response).status()).toBe(403);
    await expect
      .poll(() =>
        page
          .locator('main')
          .textContent()
          .then((text) => text ?? ''),
      )
      .toContain('could not be verified');
    await saveScreenshot(page, 'csrf-rejected');
  });
});
