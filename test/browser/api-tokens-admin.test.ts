/**
 * Stack: the authorization server and the MCP server in-process on ephemeral ports over one
 * seeded SQLite store (`startStack`), headless Debian Chromium driven by playwright-core for
 * alice and bob, and a machine client calling the MCP server with alice's API token (the real
 * MCP SDK client to list tools, plain HTTP to read the refusals). Screenshots of each page land
 * in test/test-results/screenshots/.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from '../support/browser.js';
import {
  DEMO_PASSWORD,
  openTestStore,
  startStack,
  type TestStack,
  type TestStore,
} from '../support/stack.js';
import { AccountPage } from './pages/account-page.js';
import { AdminSettingsPage, AuditLogPage, ForbiddenPage } from './pages/admin-pages.js';
import { LoginPage } from './pages/login-page.js';

const DISABLED_MESSAGE = "API-token authentication is disabled by your organization's admin";
const SERVICE_DESK_TOOLS = ['listServiceDeskRequests', 'createServiceDeskRequest'];

let testStore: TestStore;
let stack: TestStack;
let browser: Browser;
let aliceContext: BrowserContext;
let alicePage: Page;
let apiToken = '';

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
  stack = await startStack(testStore.store);
  browser = await launchBrowser();
  aliceContext = await browser.newContext();
  await aliceContext.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: stack.as.url,
  });
  alicePage = await aliceContext.newPage();
});

afterAll(async () => {
  await aliceContext?.close();
  await browser?.close();
  await stack?.close();
  await testStore?.dispose();
});

/** One MCP request with the API token as a machine client sends it, no SDK in between. */
function callMcp(method: string) {
  return fetch(stack.mcpUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: `Bearer ${apiToken}`,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method }),
  });
}

/** The tools the MCP SDK client lists with the API token. */
async function listToolsWithToken(): Promise<string[]> {
  const transport = new StreamableHTTPClientTransport(new URL(stack.mcpUrl), {
    requestInit: { headers: { authorization: `Bearer ${apiToken}` } },
  });
  const client = new Client({ name: 'ci-bot', version: '1.0.0' });
  await client.connect(transport);
  try {
    await client.callTool({ name: 'listServiceDeskRequests', arguments: {} });
    return (await client.listTools()).tools.map((tool) => tool.name);
  } finally {
    await client.close();
  }
}

async function switchApiTokenAuth(on: boolean): Promise<void> {
  const settings = new AdminSettingsPage(alicePage);
  await settings.goto(stack.as.url);
  const confirm = await settings.askToTurnApiTokenAuth(on);
  expect(await confirm.heading()).toBe(
    on ? 'Turn on API-token authentication?' : 'Turn off API-token authentication?',
  );
  expect(await confirm.consequences()).toContain(
    on ? 'will start working at once' : 'will stop working at once',
  );
  await saveScreenshot(alicePage, on ? 'admin-confirm-on' : 'admin-confirm-off');
  const after = await confirm.confirm();
  expect(await after.apiTokenAuthStatus()).toBe(on ? 'On' : 'Off');
}

describe('API tokens and the admin console in a browser', () => {
  it('alice signs in to her account and creates an API token, shown once, and copies it', async () => {
    await alicePage.goto(`${stack.as.url}/account`);
    const login = new LoginPage(alicePage);
    await login.expectShown();
    await login.signIn('alice@example.com', DEMO_PASSWORD);
    const account = new AccountPage(alicePage);
    await account.expectShown();

    const created = await (await account.startNewToken()).create({ name: 'CI bot', days: 7 });
    await created.expectShown();
    expect(await created.warning()).toContain('It is shown only once');
    apiToken = await created.token();
    expect(apiToken).toMatch(/^gat_[A-Za-z0-9_-]{43}_[0-9A-Za-z]{6}$/);
    expect(await created.copy()).toBe('Copied to the clipboard.');
    expect(await created.clipboard()).toBe(apiToken);
    await saveScreenshot(alicePage, 'api-token-created');

    await account.goto(stack.as.url);
    expect(await account.tokenNames()).toEqual(['CI bot']);
    expect(await alicePage.content()).not.toContain(apiToken);
    await saveScreenshot(alicePage, 'account');
  });

  it('refuses the token at the MCP server while API-token auth is off, saying so', async () => {
    const response = await callMcp('tools/list');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain(DISABLED_MESSAGE);
    expect(JSON.stringify(await response.json())).toContain('OAuth 2.1');
  });

  it('alice switches API-token auth on after the confirmation; the token lists service-desk tools', async () => {
    await switchApiTokenAuth(true);
    await saveScreenshot(alicePage, 'admin-settings');
    // Settings reach every process within a second (DESIGN.md: the events channel).
    await expect
      .poll(async () => (await callMcp('tools/list')).status, { timeout: 2_000 })
      .toBe(200);
    const tools = await listToolsWithToken();
    expect(tools).toEqual(expect.arrayContaining(SERVICE_DESK_TOOLS));
    expect(tools).not.toContain('getCompassComponent');
  });

  it('alice switches it off again, and the next call is refused', async () => {
    await switchApiTokenAuth(false);
    await expect
      .poll(async () => (await callMcp('tools/list')).status, { timeout: 2_000 })
      .toBe(401);
    expect((await callMcp('tools/list')).headers.get('www-authenticate')).toContain(
      DISABLED_MESSAGE,
    );
  });

  it('bob cannot open the admin console', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${stack.as.url}/admin`);
      await new LoginPage(page).signIn('bob@example.com', DEMO_PASSWORD);
      const forbidden = new ForbiddenPage(page);
      expect(await forbidden.heading()).toBe('Only organization admins can open the admin console');
      expect(new URL(page.url()).pathname).toBe('/admin');
      await saveScreenshot(page, 'admin-forbidden');
    } finally {
      await context.close();
    }
  });

  it('the audit page shows each of these events', async () => {
    const audit = new AuditLogPage(alicePage);
    await audit.goto(stack.as.url);
    await audit.filterByActor('alice@example.com');
    const actions = await audit.actions();
    for (const action of [
      'auth.sign_in',
      'api_token.created',
      'api_token.used',
      'settings.changed',
      'tool.call',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(actions.filter((action) => action === 'settings.changed')).toHaveLength(2);
    await saveScreenshot(alicePage, 'admin-audit');
  });
});
