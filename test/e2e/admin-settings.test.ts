import { hashPassword } from '@gatehouse/store';
import { describe, expect, it } from 'vitest';
import {
  openPage,
  postFields,
  saveSettings,
  settingsForm,
  signInToAccount,
  withField,
} from '../support/account-pages.js';
import { registerClient } from '../support/oauth-flow.js';
import { DEMO_PASSWORD, useAuthorizationServer } from '../support/stack.js';
import { hiddenField, UserAgent } from '../support/user-agent.js';

const alice = { email: 'alice@example.com', password: DEMO_PASSWORD };
const bob = { email: 'bob@example.com', password: DEMO_PASSWORD };
const dana = { email: 'dana@example.com', password: DEMO_PASSWORD };

const fixture = useAuthorizationServer({
  prepare: async (store) => {
    await store.users.put({
      id: 'user-dana',
      orgId: 'demo',
      email: dana.email,
      name: 'Dana Admin',
      role: 'admin',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      createdAt: Date.now(),
      disabled: false,
    });
  },
});

describe('admins only', () => {
  it('shows bob a 403 page that says so, and the JSON API answers 403 JSON', async () => {
    const agent = await signInToAccount(fixture.issuer, bob);
    const page = await agent.get(`${fixture.issuer}/admin/settings`);
    expect(page.status).toBe(403);
    const text = await page.text();
    expect(text).toContain('Only organization admins can open the admin console');
    expect(text).toContain('bob@example.com');
    const api = await agent.get(`${fixture.issuer}/admin/api/audit`);
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ error: 'forbidden' });
    const { csrf } = await openPage(agent, `${fixture.issuer}/account`);
    const post = await postFields(agent, `${fixture.issuer}/admin/settings`, [
      ['csrf', csrf],
      ['version', '0'],
    ]);
    expect(post.status).toBe(403);
    expect((await new UserAgent().get(`${fixture.issuer}/admin/api/audit`)).status).toBe(401);
  });
});

describe('org settings', () => {
  it('tells the second of two admins editing at once, and loses nothing silently', async () => {
    const [aliceAgent, danaAgent] = await Promise.all([
      signInToAccount(fixture.issuer, alice),
      signInToAccount(fixture.issuer, dana),
    ]);
    const aliceForm = settingsForm(
      (await openPage(aliceAgent, `${fixture.issuer}/admin/settings`)).html,
    );
    const danaForm = settingsForm(
      (await openPage(danaAgent, `${fixture.issuer}/admin/settings`)).html,
    );
    const version = Number(new Map(aliceForm).get('version'));

    const first = await saveSettings(
      danaAgent,
      fixture.issuer,
      withField(danaForm, 'toolListingMode', 'grantable'),
    );
    expect(first.status).toBe(303);

    const aliceChange = aliceForm.filter(
      ([key, value]) => !(key === 'groups' && value === 'jira.write'),
    );
    const second = await saveSettings(aliceAgent, fixture.issuer, aliceChange);
    expect(second.status).toBe(409);
    expect(second.html).toContain(
      `Someone else changed these settings while you were editing (now version ${version + 1}). Review the current values and apply your change again.`,
    );
    expect(second.html).toContain(
      '<code>permissionGroups.jira.write</code>: yours false, now true',
    );
    expect(second.html).toMatch(/name="toolListingMode" value="grantable" checked/);
    const stored = await fixture.testStore.store.settings.get('demo');
    expect(stored?.value).toMatchObject({
      toolListingMode: 'grantable',
      permissionGroups: { jira: { write: true } },
    });

    const retry = await saveSettings(
      aliceAgent,
      fixture.issuer,
      settingsForm(second.html).filter(([k, v]) => !(k === 'groups' && v === 'jira.write')),
    );
    expect(retry.status).toBe(303);
    expect((await fixture.testStore.store.settings.get('demo'))?.value).toMatchObject({
      toolListingMode: 'grantable',
      permissionGroups: { jira: { write: false } },
    });
    const audit = await fixture.testStore.store.audit.query({
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
    const agent = await signInToAccount(fixture.issuer, alice);
    const form = settingsForm((await openPage(agent, `${fixture.issuer}/admin/settings`)).html);
    const bad = await saveSettings(
      agent,
      fixture.issuer,
      withField(form, 'allowedClientDomains', 'claude.ai\nhttps://evil.example'),
    );
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Line 2: must not include a scheme such as https://');
    const before = await fixture.testStore.store.settings.get('demo');
    const forged = await saveSettings(
      agent,
      fixture.issuer,
      withField(withField(form, 'csrf', 'forged'), 'toolListingMode', 'granted'),
    );
    expect(forged.status).toBe(403);
    expect(await fixture.testStore.store.settings.get('demo')).toEqual(before);
  });

  it('asks before switching API-token authentication, saying how many tokens it affects', async () => {
    const agent = await signInToAccount(fixture.issuer, alice);
    const { html, csrf } = await openPage(agent, `${fixture.issuer}/admin/settings`);
    const version = hiddenField(html.slice(html.indexOf('api-token-auth"')), 'version');
    const ask = await agent.postForm(`${fixture.issuer}/admin/settings/api-token-auth`, {
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
    expect((await fixture.testStore.store.settings.get('demo'))?.value).toMatchObject({
      apiTokenAuthEnabled: false,
    });
  });
});

describe('allowed client domains', () => {
  it('applies allowed client domains at registration and to clients registered before', async () => {
    const earlier = await registerClient(fixture.issuer, {
      redirect_uris: ['https://app.example.com/cb'],
    });
    const agent = await signInToAccount(fixture.issuer, alice);
    const form = settingsForm((await openPage(agent, `${fixture.issuer}/admin/settings`)).html);
    const listed = withField(form, 'allowedClientDomains', 'claude.ai\nlocalhost');
    expect((await saveSettings(agent, fixture.issuer, listed)).status).toBe(303);
    try {
      const refused = await fetch(`${fixture.issuer}/oauth/register`, {
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
      await registerClient(fixture.issuer, { redirect_uris: ['http://localhost:6274/cb'] });

      const page = await new UserAgent().get(
        `${fixture.issuer}/oauth/authorize?client_id=${encodeURIComponent(earlier.client_id)}&response_type=code`,
      );
      expect(page.status).toBe(403);
      expect(await page.text()).toContain(
        'redirects to app.example.com, which is not on your organization&#39;s list',
      );
    } finally {
      const now = settingsForm((await openPage(agent, `${fixture.issuer}/admin/settings`)).html);
      const cleared = withField(now, 'allowedClientDomains', '');
      expect((await saveSettings(agent, fixture.issuer, cleared)).status).toBe(303);
    }
  });
});
