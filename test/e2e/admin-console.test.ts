/**
 * Stack: the authorization server in-process on an ephemeral port over a fresh seeded SQLite
 * store (the console's logic is the same on both backends; the store's contract suite covers
 * compare-and-set on each). A second org admin, dana, is added to the seed. Everything goes over
 * real HTTP with cookie-keeping agents, as browsers would.
 */
import type { RunningAuthorizationServer } from '@gatehouse/authorization-server';
import { hashPassword } from '@gatehouse/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, postFields, signInToAccount } from '../support/account-pages.js';
import {
  authorize,
  exchangeCode,
  introspect,
  registerClient,
  tokenRequest,
} from '../support/oauth-flow.js';
import {
  DEMO_PASSWORD,
  openTestStore,
  startAuthorizationServer,
  type TestStore,
} from '../support/stack.js';
import { hiddenField, locationOf, UserAgent } from '../support/user-agent.js';

const alice = { email: 'alice@example.com', password: DEMO_PASSWORD };
const bob = { email: 'bob@example.com', password: DEMO_PASSWORD };
const dana = { email: 'dana@example.com', password: DEMO_PASSWORD };

let testStore: TestStore;
let as: RunningAuthorizationServer;
let issuer: string;

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
  await testStore.store.users.put({
    id: 'user-dana',
    orgId: 'demo',
    email: dana.email,
    name: 'Dana Admin',
    role: 'admin',
    passwordHash: await hashPassword(DEMO_PASSWORD),
    createdAt: Date.now(),
    disabled: false,
  });
  as = await startAuthorizationServer(testStore.store);
  issuer = as.url;
});

afterAll(async () => {
  await as?.close();
  await testStore?.dispose();
});

/** The settings form's fields as the page rendered them (checked boxes and current values). */
function settingsForm(html: string): Array<[string, string]> {
  const form = html.slice(html.indexOf('action="/admin/settings"'));
  const fields: Array<[string, string]> = [
    ['csrf', hiddenField(form, 'csrf')],
    ['version', hiddenField(form, 'version')],
  ];
  for (const [, value] of form.matchAll(/name="groups" value="([^"]+)" checked/g))
    fields.push(['groups', value ?? '']);
  const domains =
    /<textarea[^>]*name="allowedClientDomains"[^>]*>([^<]*)<\/textarea>/.exec(form)?.[1] ?? '';
  fields.push(['allowedClientDomains', domains]);
  for (const name of ['toolListingMode', 'registrationMode']) {
    fields.push([name, new RegExp(`name="${name}" value="([^"]+)" checked`).exec(form)?.[1] ?? '']);
  }
  fields.push([
    'maxPerHourPerIp',
    /name="maxPerHourPerIp"[^>]*value="([^"]*)"/.exec(form)?.[1] ?? '',
  ]);
  return fields;
}

function withField(
  fields: Array<[string, string]>,
  name: string,
  value: string,
): Array<[string, string]> {
  return [...fields.filter(([key]) => key !== name), [name, value]];
}

async function saveSettings(agent: UserAgent, fields: Array<[string, string]>) {
  const response = await postFields(agent, `${issuer}/admin/settings`, fields);
  return { status: response.status, html: await response.text(), response };
}

describe('signing in to the account pages', () => {
  it('sends a visitor to sign in, then back to the page asked for, never elsewhere', async () => {
    const agent = new UserAgent();
    const first = await agent.get(`${issuer}/admin/audit?outcome=failure`);
    expect(first.status).toBe(303);
    const signIn = locationOf(first, issuer);
    expect(signIn.pathname).toBe('/account/sign-in');
    expect(signIn.searchParams.get('return_to')).toBe('/admin/audit?outcome=failure');

    const form = await agent.get(signIn);
    const page = await form.text();
    expect(page).toContain('<label for="email">Email</label>');
    const posted = await agent.postForm(`${issuer}/account/sign-in${signIn.search}`, {
      ...alice,
      csrf: hiddenField(page, 'csrf'),
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/admin/audit?outcome=failure');
    const cookie = posted.headers.getSetCookie().find((c) => c.startsWith('gatehouse.account='));
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=lax/i);

    const evil = await signInToAccount(issuer, alice);
    const away = await evil.get(
      `${issuer}/account/sign-in?return_to=${encodeURIComponent('//evil.example/x')}`,
    );
    expect(away.headers.get('location')).toBe('/account');
  });

  it('gives a wrong password the neutral message and refuses a form without its CSRF token', async () => {
    const agent = new UserAgent();
    const { csrf } = await openPage(agent, `${issuer}/account/sign-in`);
    const wrong = await agent.postForm(`${issuer}/account/sign-in`, {
      ...alice,
      password: 'nope-nope',
      csrf,
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That email and password do not match an account.');
    const forged = await agent.postForm(`${issuer}/account/sign-in`, { ...alice, csrf: 'forged' });
    expect(forged.status).toBe(403);
  });

  it('signs out with a CSRF-protected POST, and the session is gone server-side', async () => {
    const agent = await signInToAccount(issuer, alice);
    const { csrf } = await openPage(agent, `${issuer}/account`);
    expect((await agent.postForm(`${issuer}/account/sign-out`, { csrf: 'forged' })).status).toBe(
      403,
    );
    const out = await agent.postForm(`${issuer}/account/sign-out`, { csrf });
    expect(out.status).toBe(200);
    expect(await out.text()).toContain('You are signed out');
    expect((await agent.get(`${issuer}/account`)).status).toBe(303);
  });
});

describe('admins only', () => {
  it('shows bob a 403 page that says so, and the JSON API answers 403 JSON', async () => {
    const agent = await signInToAccount(issuer, bob);
    const page = await agent.get(`${issuer}/admin/settings`);
    expect(page.status).toBe(403);
    const text = await page.text();
    expect(text).toContain('Only organization admins can open the admin console');
    expect(text).toContain('bob@example.com');
    const api = await agent.get(`${issuer}/admin/api/audit`);
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ error: 'forbidden' });
    const { csrf } = await openPage(agent, `${issuer}/account`);
    const post = await postFields(agent, `${issuer}/admin/settings`, [
      ['csrf', csrf],
      ['version', '0'],
    ]);
    expect(post.status).toBe(403);
    expect((await new UserAgent().get(`${issuer}/admin/api/audit`)).status).toBe(401);
  });
});

describe('org settings', () => {
  it('tells the second of two admins editing at once, and loses nothing silently', async () => {
    const [aliceAgent, danaAgent] = await Promise.all([
      signInToAccount(issuer, alice),
      signInToAccount(issuer, dana),
    ]);
    const aliceForm = settingsForm((await openPage(aliceAgent, `${issuer}/admin/settings`)).html);
    const danaForm = settingsForm((await openPage(danaAgent, `${issuer}/admin/settings`)).html);
    const version = Number(new Map(aliceForm).get('version'));

    const first = await saveSettings(
      danaAgent,
      withField(danaForm, 'toolListingMode', 'grantable'),
    );
    expect(first.status).toBe(303);

    const aliceChange = aliceForm.filter(
      ([key, value]) => !(key === 'groups' && value === 'jira.write'),
    );
    const second = await saveSettings(aliceAgent, aliceChange);
    expect(second.status).toBe(409);
    expect(second.html).toContain(
      `Someone else changed these settings while you were editing (now version ${version + 1}). Review the current values and apply your change again.`,
    );
    expect(second.html).toContain(
      '<code>permissionGroups.jira.write</code>: yours false, now true',
    );
    expect(second.html).toMatch(/name="toolListingMode" value="grantable" checked/);
    const stored = await testStore.store.settings.get('demo');
    expect(stored?.value).toMatchObject({
      toolListingMode: 'grantable',
      permissionGroups: { jira: { write: true } },
    });

    const retry = await saveSettings(
      aliceAgent,
      settingsForm(second.html).filter(([k, v]) => !(k === 'groups' && v === 'jira.write')),
    );
    expect(retry.status).toBe(303);
    expect((await testStore.store.settings.get('demo'))?.value).toMatchObject({
      toolListingMode: 'grantable',
      permissionGroups: { jira: { write: false } },
    });
    const audit = await testStore.store.audit.query({
      orgId: 'demo',
      action: 'settings.changed',
      limit: 2,
    });
    expect(audit.events[0]).toMatchObject({
      actor: 'user-alice',
      details: {
        changes: [{ field: 'permissionGroups.jira.write', oldValue: true, newValue: false }],
      },
    });
    expect(audit.events[1]).toMatchObject({
      actor: 'user-dana',
      details: {
        changes: [{ field: 'toolListingMode', oldValue: 'granted', newValue: 'grantable' }],
      },
    });
  });

  it('names the bad line of the allowed domains, and a form without its CSRF token changes nothing', async () => {
    const agent = await signInToAccount(issuer, alice);
    const form = settingsForm((await openPage(agent, `${issuer}/admin/settings`)).html);
    const bad = await saveSettings(
      agent,
      withField(form, 'allowedClientDomains', 'claude.ai\nhttps://evil.example'),
    );
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Line 2: must not include a scheme such as https://');
    const before = await testStore.store.settings.get('demo');
    const forged = await saveSettings(
      agent,
      withField(withField(form, 'csrf', 'forged'), 'toolListingMode', 'granted'),
    );
    expect(forged.status).toBe(403);
    expect(await testStore.store.settings.get('demo')).toEqual(before);
  });

  it('asks before switching API-token authentication, saying how many tokens it affects', async () => {
    const agent = await signInToAccount(issuer, alice);
    const { html, csrf } = await openPage(agent, `${issuer}/admin/settings`);
    const version = hiddenField(html.slice(html.indexOf('api-token-auth"')), 'version');
    const ask = await agent.postForm(`${issuer}/admin/settings/api-token-auth`, {
      csrf,
      version,
      enabled: 'true',
    });
    const confirmation = await ask.text();
    expect(ask.status).toBe(200);
    expect(confirmation).toContain('Turn on API-token authentication?');
    expect(confirmation).toMatch(
      /\d+ active API tokens? \(of \d+ (person|people)\) will start working at once/,
    );
    expect((await testStore.store.settings.get('demo'))?.value).toMatchObject({
      apiTokenAuthEnabled: false,
    });
  });
});

describe('registered apps', () => {
  async function connect(scope = 'read:jira-work') {
    const client = await registerClient(issuer, { client_name: 'Console Test App' });
    const outcome = await authorize({
      issuer,
      client,
      scope,
      resource: as.config.mcpResourceUrl,
      user: alice,
    });
    return { client, tokens: await exchangeCode(issuer, client, outcome) };
  }

  async function clientAction(agent: UserAgent, clientId: string, action: string) {
    const { csrf } = await openPage(agent, `${issuer}/admin/clients`);
    const response = await agent.postForm(
      `${issuer}/admin/clients/${encodeURIComponent(clientId)}/${action}`,
      { csrf },
    );
    expect(response.status).toBe(303);
  }

  it('lists each client with how it registered, its redirect host and last use', async () => {
    const { client, tokens } = await connect();
    const refreshed = await tokenRequest(issuer, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: client.client_id,
    });
    expect(refreshed.status).toBe(200);
    const revoked = await fetch(`${issuer}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: String(refreshed.body.access_token),
        client_id: client.client_id,
      }),
    });
    expect(revoked.status).toBe(200);
    const agent = await signInToAccount(issuer, alice);
    const { html } = await openPage(agent, `${issuer}/admin/clients`);
    const row =
      html.slice(html.indexOf(`data-client-id="${client.client_id}"`)).split('</tr>')[0] ?? '';
    expect(row).toContain('Console Test App');
    expect(row).toContain('Registered itself (dynamic registration)');
    expect(row).toContain('<code>127.0.0.1:33418</code>');
    expect(row).toMatch(/<time datetime="[^"]+">/);
    expect(html).toContain('Configured on this server');
  });

  it('blocks a client: its tokens stop at once, the token endpoint and authorization refuse it', async () => {
    const { client, tokens } = await connect();
    const agent = await signInToAccount(issuer, alice);
    await clientAction(agent, client.client_id, 'block');
    expect((await introspect(issuer, tokens.access_token, as.introspectionClient)).body).toEqual({
      active: false,
    });
    const refresh = await tokenRequest(issuer, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: client.client_id,
    });
    expect(refresh.body.error).toBe('invalid_client');
    const page = await new UserAgent().get(
      `${issuer}/oauth/authorize?client_id=${encodeURIComponent(client.client_id)}&response_type=code`,
    );
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('blocked this app');

    await clientAction(agent, client.client_id, 'unblock');
    const again = await connect();
    expect(again.tokens.access_token).toBeTruthy();
  });

  it('deletes a client with its grants, and audits it', async () => {
    const { client, tokens } = await connect();
    const agent = await signInToAccount(issuer, alice);
    await clientAction(agent, client.client_id, 'delete');
    expect(
      (await introspect(issuer, tokens.access_token, as.introspectionClient)).body.active,
    ).toBe(false);
    const { html } = await openPage(agent, `${issuer}/admin/clients`);
    expect(html).not.toContain(`data-client-id="${client.client_id}"`);
    const audit = await testStore.store.audit.query({
      orgId: 'demo',
      action: 'client.deleted',
      limit: 1,
    });
    expect(audit.events[0]).toMatchObject({
      actor: 'user-alice',
      clientId: client.client_id,
      details: { revokedGrants: 1 },
    });
  });

  it('applies allowed client domains at registration and to clients registered before', async () => {
    const earlier = await registerClient(issuer, { redirect_uris: ['https://app.example.com/cb'] });
    const agent = await signInToAccount(issuer, alice);
    const form = settingsForm((await openPage(agent, `${issuer}/admin/settings`)).html);
    expect(
      (await saveSettings(agent, withField(form, 'allowedClientDomains', 'claude.ai\nlocalhost')))
        .status,
    ).toBe(303);
    try {
      const refused = await fetch(`${issuer}/oauth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          redirect_uris: ['https://evil.example/cb'],
          token_endpoint_auth_method: 'none',
        }),
      });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({
        error: 'invalid_redirect_uri',
        error_description: expect.stringContaining('evil.example, which is not on'),
      });
      await registerClient(issuer, { redirect_uris: ['http://localhost:6274/cb'] });

      const page = await new UserAgent().get(
        `${issuer}/oauth/authorize?client_id=${encodeURIComponent(earlier.client_id)}&response_type=code`,
      );
      expect(page.status).toBe(403);
      expect(await page.text()).toContain(
        'redirects to app.example.com, which is not on your organization&#39;s list',
      );
    } finally {
      const now = settingsForm((await openPage(agent, `${issuer}/admin/settings`)).html);
      expect((await saveSettings(agent, withField(now, 'allowedClientDomains', ''))).status).toBe(
        303,
      );
    }
  });
});

describe('connected apps', () => {
  it('lists the apps a user connected and disconnects one, revoking its tokens', async () => {
    const client = await registerClient(issuer, { client_name: 'Alice Agent' });
    const outcome = await authorize({
      issuer,
      client,
      scope: 'read:jira-work',
      resource: as.config.mcpResourceUrl,
      user: alice,
    });
    const tokens = await exchangeCode(issuer, client, outcome);
    const agent = await signInToAccount(issuer, alice);
    const { html, csrf } = await openPage(agent, `${issuer}/account`);
    expect(html).toMatch(
      /<th scope="row">Alice Agent<\/th>\s*<td><code>read:jira-work<\/code><\/td>/,
    );
    const response = await agent.postForm(`${issuer}/account/apps/revoke`, {
      csrf,
      clientId: client.client_id,
    });
    expect(response.headers.get('location')).toBe('/account?notice=app-disconnected');
    expect(
      (await introspect(issuer, tokens.access_token, as.introspectionClient)).body.active,
    ).toBe(false);
    expect((await openPage(agent, `${issuer}/account`)).html).not.toContain('Alice Agent');
  });
});

describe('every user’s tokens and connected apps', () => {
  it('lets an admin revoke bob’s API token and disconnect bob’s app', async () => {
    const bobAgent = await signInToAccount(issuer, bob);
    const { csrf: bobCsrf } = await openPage(bobAgent, `${issuer}/account/tokens/new`);
    const made = await postFields(bobAgent, `${issuer}/account/tokens`, [
      ['csrf', bobCsrf],
      ['name', 'bob bot'],
      ['expiresInDays', '5'],
    ]);
    expect(made.status).toBe(201);
    const [bobToken] = await testStore.store.apiTokens.listByUser('user-bob');
    const client = await registerClient(issuer, { client_name: 'Bob Agent' });
    const outcome = await authorize({
      issuer,
      client,
      scope: 'read:jira-work',
      resource: as.config.mcpResourceUrl,
      user: bob,
    });
    const tokens = await exchangeCode(issuer, client, outcome);

    const admin = await signInToAccount(issuer, alice);
    const { html, csrf } = await openPage(admin, `${issuer}/admin/access`);
    expect(html).toContain('bob bot');
    expect(html).toContain('Bob Agent');
    const revoke = await admin.postForm(`${issuer}/admin/tokens/${bobToken?.id}/revoke`, { csrf });
    expect(revoke.headers.get('location')).toBe('/admin/access?notice=token-revoked');
    expect(
      (await testStore.store.apiTokens.findById(bobToken?.id ?? ''))?.revokedAt,
    ).not.toBeNull();
    const disconnect = await admin.postForm(`${issuer}/admin/apps/revoke`, {
      csrf,
      accountId: 'user-bob',
      clientId: client.client_id,
    });
    expect(disconnect.headers.get('location')).toBe('/admin/access?notice=app-revoked');
    expect(
      (await introspect(issuer, tokens.access_token, as.introspectionClient)).body.active,
    ).toBe(false);
    const audit = await testStore.store.audit.query({
      orgId: 'demo',
      action: 'api_token.revoked',
      limit: 1,
    });
    expect(audit.events[0]).toMatchObject({
      actor: 'user-alice',
      details: { ownerId: 'user-bob' },
    });
  });
});

describe('the audit log', () => {
  it('filters and pages on the admin page, as JSON, and as streamed JSON Lines', async () => {
    const failed = new UserAgent();
    const { csrf } = await openPage(failed, `${issuer}/account/sign-in`);
    await failed.postForm(`${issuer}/account/sign-in`, {
      email: 'carol@example.com',
      password: 'wrong-password',
      csrf,
    });

    const agent = await signInToAccount(issuer, alice);
    const page = await openPage(agent, `${issuer}/admin/audit?action=auth.sign_in&outcome=failure`);
    expect(page.html).toContain('<th scope="row">auth.sign_in</th>');
    expect(page.html).toContain('<td>Failure</td>');
    expect(page.html).not.toContain('<td>Success</td>');

    const json = await agent.get(`${issuer}/admin/api/audit?actor=alice%40example.com&limit=1`);
    const body = (await json.json()) as {
      events: Array<{ actor: string; seq: number }>;
      nextCursor?: string;
    };
    expect(body.events).toHaveLength(1);
    expect(body.events[0]?.actor).toBe('user-alice');
    expect(body.nextCursor).toBeTruthy();
    const next = await agent.get(
      `${issuer}/admin/api/audit?actor=alice%40example.com&limit=1&cursor=${body.nextCursor}`,
    );
    const older = (await next.json()) as { events: Array<{ seq: number }> };
    expect(older.events[0]?.seq).toBeLessThan(body.events[0]?.seq ?? 0);
    expect((await agent.get(`${issuer}/admin/api/audit?cursor=not-a-cursor`)).status).toBe(400);

    const exported = await agent.get(`${issuer}/admin/audit/export.jsonl?outcome=failure`);
    expect(exported.headers.get('content-type')).toContain('application/jsonl');
    expect(exported.headers.get('content-disposition')).toMatch(
      /attachment; filename="gatehouse-audit-/,
    );
    const lines = (await exported.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { outcome: string; hash: string });
    expect(lines.length).toBeGreaterThan(0);
    expect(
      lines.every((event) => event.outcome === 'failure' && /^[0-9a-f]{64}$/.test(event.hash)),
    ).toBe(true);
  });

  it('holds every kind of event this file caused, with actor and IP, and never a secret', async () => {
    const events = [];
    for await (const event of testStore.store.audit.scan()) events.push(event);
    const actions = new Set(events.map((event) => event.action));
    for (const action of [
      'auth.sign_in',
      'auth.sign_out',
      'auth.consent',
      'client.registered',
      'client.blocked',
      'client.unblocked',
      'client.deleted',
      'token.issued',
      'token.refreshed',
      'token.revoked',
      'grant.revoked',
      'api_token.created',
      'api_token.revoked',
      'settings.changed',
    ]) {
      expect(actions, action).toContain(action);
    }
    const signIn = events.find(
      (event) => event.action === 'auth.sign_in' && event.outcome === 'success',
    );
    expect(signIn?.ip).toMatch(/127\.0\.0\.1/);
    const text = JSON.stringify(events);
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toMatch(/gat_[A-Za-z0-9_-]{43}_/);
  });
});
