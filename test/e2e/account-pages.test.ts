import { describe, expect, it } from 'vitest';
import { openPage, signInToAccount } from '../support/account-pages.js';
import { authorize, exchangeCode, introspect, registerClient } from '../support/oauth-flow.js';
import { DEMO_PASSWORD, useAuthorizationServer } from '../support/stack.js';
import { hiddenField, locationOf, UserAgent } from '../support/user-agent.js';

const alice = { email: 'alice@example.com', password: DEMO_PASSWORD };

const fixture = useAuthorizationServer();

describe('signing in to the account pages', () => {
  it('sends a visitor to sign in, then back to the page asked for, never elsewhere', async () => {
    const agent = new UserAgent();
    const first = await agent.get(`${fixture.issuer}/admin/audit?outcome=failure`);
    expect(first.status).toBe(303);
    const signIn = locationOf(first, fixture.issuer);
    expect(signIn.pathname).toBe('/account/sign-in');
    expect(signIn.searchParams.get('return_to')).toBe('/admin/audit?outcome=failure');

    const form = await agent.get(signIn);
    const page = await form.text();
    expect(page).toContain('<label for="email">Email</label>');
    const posted = await agent.postForm(`${fixture.issuer}/account/sign-in${signIn.search}`, {
      ...alice,
      csrf: hiddenField(page, 'csrf'),
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/admin/audit?outcome=failure');
    const cookie = posted.headers.getSetCookie().find((c) => c.startsWith('gatehouse.account='));
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=lax/i);

    const evil = await signInToAccount(fixture.issuer, alice);
    const away = await evil.get(
      `${fixture.issuer}/account/sign-in?return_to=${encodeURIComponent('//evil.example/x')}`,
    );
    expect(away.headers.get('location')).toBe('/account');
  });

  it('gives a wrong password the neutral message and refuses a form without its CSRF token', async () => {
    const agent = new UserAgent();
    const { csrf } = await openPage(agent, `${fixture.issuer}/account/sign-in`);
    const wrong = await agent.postForm(`${fixture.issuer}/account/sign-in`, {
      ...alice,
      password: 'nope-nope',
      csrf,
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That email and password do not match an account.');
    const forged = await agent.postForm(`${fixture.issuer}/account/sign-in`, {
      ...alice,
      csrf: 'forged',
    });
    expect(forged.status).toBe(403);
  });

  it('signs out with a CSRF-protected POST, and the session is gone server-side', async () => {
    const agent = await signInToAccount(fixture.issuer, alice);
    const { csrf } = await openPage(agent, `${fixture.issuer}/account`);
    const forged = await agent.postForm(`${fixture.issuer}/account/sign-out`, { csrf: 'forged' });
    expect(forged.status).toBe(403);
    const out = await agent.postForm(`${fixture.issuer}/account/sign-out`, { csrf });
    expect(out.status).toBe(200);
    expect(await out.text()).toContain('You are signed out');
    expect((await agent.get(`${fixture.issuer}/account`)).status).toBe(303);
    const audit = await fixture.testStore.store.audit.query({
      orgId: 'demo',
      action: 'auth.sign_out',
    });
    expect(audit.events).toEqual([
      expect.objectContaining({ actor: 'user-alice', outcome: 'success' }),
    ]);
  });
});

describe('connected apps', () => {
  it('lists the apps a user connected and disconnects one, revoking its tokens', async () => {
    const client = await registerClient(fixture.issuer, { client_name: 'Alice Agent' });
    const outcome = await authorize({
      issuer: fixture.issuer,
      client,
      scope: 'read:jira-work',
      resource: fixture.as.config.mcpResourceUrl,
      user: alice,
    });
    const tokens = await exchangeCode(fixture.issuer, client, outcome);
    const agent = await signInToAccount(fixture.issuer, alice);
    const { html, csrf } = await openPage(agent, `${fixture.issuer}/account`);
    expect(html).toMatch(
      /<th scope="row">Alice Agent<\/th>\s*<td><code>read:jira-work<\/code><\/td>/,
    );
    const response = await agent.postForm(`${fixture.issuer}/account/apps/revoke`, {
      csrf,
      clientId: client.client_id,
    });
    expect(response.headers.get('location')).toBe('/account?notice=app-disconnected');
    expect(
      (await introspect(fixture.issuer, tokens.access_token, fixture.as.introspectionClient)).body
        .active,
    ).toBe(false);
    expect((await openPage(agent, `${fixture.issuer}/account`)).html).not.toContain('Alice Agent');
  });
});
