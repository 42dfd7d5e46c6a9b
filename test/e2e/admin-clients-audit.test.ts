import { describe, expect, it } from 'vitest';
import { openPage, postFields, signInToAccount } from '../support/account-pages.js';
import {
  authorize,
  exchangeCode,
  introspect,
  registerClient,
  tokenRequest,
} from '../support/oauth-flow.js';
import { DEMO_PASSWORD, useAuthorizationServer } from '../support/stack.js';
import { UserAgent } from '../support/user-agent.js';

const alice = { email: 'alice@example.com', password: DEMO_PASSWORD };
const bob = { email: 'bob@example.com', password: DEMO_PASSWORD };

const fixture = useAuthorizationServer();

describe('registered apps', () => {
  async function connect(scope = 'read:jira-work') {
    const client = await registerClient(fixture.issuer, { client_name: 'Console Test App' });
    const outcome = await authorize({
      issuer: fixture.issuer,
      client,
      scope,
      resource: fixture.as.config.mcpResourceUrl,
      user: alice,
    });
    return { client, tokens: await exchangeCode(fixture.issuer, client, outcome) };
  }

  async function clientAction(agent: UserAgent, clientId: string, action: string) {
    const { csrf } = await openPage(agent, `${fixture.issuer}/admin/clients`);
    const response = await agent.postForm(
      `${fixture.issuer}/admin/clients/${encodeURIComponent(clientId)}/${action}`,
      { csrf },
    );
    expect(response.status).toBe(303);
  }

  it('lists each client with how it registered, its redirect host and last use', async () => {
    const { client, tokens } = await connect();
    const refreshed = await tokenRequest(fixture.issuer, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: client.client_id,
    });
    expect(refreshed.status).toBe(200);
    const revoked = await fetch(`${fixture.issuer}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: String(refreshed.body.access_token),
        client_id: client.client_id,
      }),
    });
    expect(revoked.status).toBe(200);
    const agent = await signInToAccount(fixture.issuer, alice);
    const { html } = await openPage(agent, `${fixture.issuer}/admin/clients`);
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
    const agent = await signInToAccount(fixture.issuer, alice);
    await clientAction(agent, client.client_id, 'block');
    expect(
      (await introspect(fixture.issuer, tokens.access_token, fixture.as.introspectionClient)).body,
    ).toEqual({
      active: false,
    });
    const refresh = await tokenRequest(fixture.issuer, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: client.client_id,
    });
    expect(refresh.body.error).toBe('invalid_client');
    const page = await new UserAgent().get(
      `${fixture.issuer}/oauth/authorize?client_id=${encodeURIComponent(client.client_id)}&response_type=code`,
    );
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('blocked this app');

    await clientAction(agent, client.client_id, 'unblock');
    const again = await connect();
    expect(again.tokens.access_token).toBeTruthy();
  });

  it('deletes a client with its grants, and audits it', async () => {
    const { client, tokens } = await connect();
    const agent = await signInToAccount(fixture.issuer, alice);
    await clientAction(agent, client.client_id, 'delete');
    expect(
      (await introspect(fixture.issuer, tokens.access_token, fixture.as.introspectionClient)).body
        .active,
    ).toBe(false);
    const { html } = await openPage(agent, `${fixture.issuer}/admin/clients`);
    expect(html).not.toContain(`data-client-id="${client.client_id}"`);
    const audit = await fixture.testStore.store.audit.query({
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
});

describe('every user’s tokens and connected apps', () => {
  it('lets an admin revoke bob’s API token and disconnect bob’s app', async () => {
    const bobAgent = await signInToAccount(fixture.issuer, bob);
    const { csrf: bobCsrf } = await openPage(bobAgent, `${fixture.issuer}/account/tokens/new`);
    const made = await postFields(bobAgent, `${fixture.issuer}/account/tokens`, [
      ['csrf', bobCsrf],
      ['name', 'bob bot'],
      ['expiresInDays', '5'],
    ]);
    expect(made.status).toBe(201);
    const [bobToken] = await fixture.testStore.store.apiTokens.listByUser('user-bob');
    const client = await registerClient(fixture.issuer, { client_name: 'Bob Agent' });
    const outcome = await authorize({
      issuer: fixture.issuer,
      client,
      scope: 'read:jira-work',
      resource: fixture.as.config.mcpResourceUrl,
      user: bob,
    });
    const tokens = await exchangeCode(fixture.issuer, client, outcome);

    const admin = await signInToAccount(fixture.issuer, alice);
    const { html, csrf } = await openPage(admin, `${fixture.issuer}/admin/access`);
    expect(html).toContain('bob bot');
    expect(html).toContain('Bob Agent');
    const revoke = await admin.postForm(`${fixture.issuer}/admin/tokens/${bobToken?.id}/revoke`, {
      csrf,
    });
    expect(revoke.headers.get('location')).toBe('/admin/access?notice=token-revoked');
    expect(
      (await fixture.testStore.store.apiTokens.findById(bobToken?.id ?? ''))?.revokedAt,
    ).not.toBeNull();
    const disconnect = await admin.postForm(`${fixture.issuer}/admin/apps/revoke`, {
      csrf,
      accountId: 'user-bob',
      clientId: client.client_id,
    });
    expect(disconnect.headers.get('location')).toBe('/admin/access?notice=app-revoked');
    expect(
      (await introspect(fixture.issuer, tokens.access_token, fixture.as.introspectionClient)).body
        .active,
    ).toBe(false);
    const audit = await fixture.testStore.store.audit.query({
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
    const { csrf } = await openPage(failed, `${fixture.issuer}/account/sign-in`);
    await failed.postForm(`${fixture.issuer}/account/sign-in`, {
      email: 'carol@example.com',
      password: 'wrong-password',
      csrf,
    });

    const agent = await signInToAccount(fixture.issuer, alice);
    const page = await openPage(
      agent,
      `${fixture.issuer}/admin/audit?action=auth.sign_in&outcome=failure`,
    );
    expect(page.html).toContain('<th scope="row">auth.sign_in</th>');
    expect(page.html).toContain('<td>Failure</td>');
    expect(page.html).not.toContain('<td>Success</td>');

    const json = await agent.get(
      `${fixture.issuer}/admin/api/audit?actor=alice%40example.com&limit=1`,
    );
    const body = (await json.json()) as {
      events: Array<{ actor: string; seq: number }>;
      nextCursor?: string;
    };
    expect(body.events).toHaveLength(1);
    expect(body.events[0]?.actor).toBe('user-alice');
    expect(body.nextCursor).toBeTruthy();
    const next = await agent.get(
      `${fixture.issuer}/admin/api/audit?actor=alice%40example.com&limit=1&cursor=${body.nextCursor}`,
    );
    const older = (await next.json()) as { events: Array<{ seq: number }> };
    expect(older.events[0]?.seq).toBeLessThan(body.events[0]?.seq ?? 0);
    expect((await agent.get(`${fixture.issuer}/admin/api/audit?cursor=not-a-cursor`)).status).toBe(
      400,
    );

    const exported = await agent.get(`${fixture.issuer}/admin/audit/export.jsonl?outcome=failure`);
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
    for await (const event of fixture.testStore.store.audit.scan()) events.push(event);
    const actions = new Set(events.map((event) => event.action));
    for (const action of [
      'auth.sign_in',
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
