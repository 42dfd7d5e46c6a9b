/**
 * Stack: the authorization server in-process over a seeded SQLite store, with its outgoing
 * fetch answered from a table of metadata documents (no network: the documents live at
 * https://agent.example.com, which the test serves through the injected fetch).
 * Client ID metadata documents (draft-ietf-oauth-client-id-metadata-document; DESIGN.md §6).
 */
import type { RunningAuthorizationServer } from '@gatehouse/authorization-server';
import { writeOrgSettings } from '@gatehouse/org-settings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, signInToAccount } from '../support/account-pages.js';
import { AS_PATHS, authorize, exchangeCode, type RegisteredClient } from '../support/oauth-flow.js';
import {
  DEMO_PASSWORD,
  openTestStore,
  startAuthorizationServer,
  type TestStore,
} from '../support/stack.js';
import { createPkcePair, hiddenField, locationOf, UserAgent } from '../support/user-agent.js';

const CLIENT_ID = 'https://agent.example.com/oauth/client.json';
const MISMATCHED_ID = 'https://agent.example.com/oauth/mismatched.json';
const CLEARTEXT_ID = 'https://agent.example.com/oauth/cleartext.json';
const REDIRECT_URI = 'http://127.0.0.1:33418/callback';
const alice = { email: 'alice@example.com', password: DEMO_PASSWORD };

const documents: Record<string, unknown> = {
  [CLIENT_ID]: {
    client_id: CLIENT_ID,
    client_name: 'Example Agent',
    redirect_uris: [REDIRECT_URI],
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  },
  [MISMATCHED_ID]: {
    client_id: 'https://other.example.com/client.json',
    redirect_uris: [REDIRECT_URI],
  },
};

let fetches = 0;
const serveDocuments: typeof fetch = async (input) => {
  fetches += 1;
  const document = documents[input.toString()];
  return document === undefined
    ? new Response('not found', { status: 404 })
    : Response.json(document, { headers: { 'cache-control': 'max-age=300' } });
};

let testStore: TestStore;
let as: RunningAuthorizationServer;
const client: RegisteredClient = { client_id: CLIENT_ID, redirect_uris: [REDIRECT_URI] };

beforeAll(async () => {
  testStore = await openTestStore('sqlite');
  as = await startAuthorizationServer(testStore.store, { fetch: serveDocuments });
});

afterAll(async () => {
  await as?.close();
  await testStore?.dispose();
});

function authorizeUrl(clientId: string, redirectUri = REDIRECT_URI): URL {
  const url = new URL(AS_PATHS.authorize, as.url);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'read:jira-work',
    code_challenge: createPkcePair().challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url;
}

describe('client ID metadata documents', () => {
  it('are advertised in the authorization server metadata', async () => {
    const metadata = (await (
      await fetch(`${as.url}/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>;
    expect(metadata.client_id_metadata_document_supported).toBe(true);
  });

  it('let a client authorize with its document URL as client_id, no registration, and get tokens', async () => {
    const outcome = await authorize({
      issuer: as.url,
      client,
      scope: 'read:jira-work',
      user: alice,
    });
    expect(outcome.pages).toEqual(['login', 'consent']);
    const tokens = await exchangeCode(as.url, client, outcome);
    expect(tokens.scope).toBe('read:jira-work');
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('show the consent screen that the app was verified by its document', async () => {
    const agent = new UserAgent();
    const start = authorizeUrl(CLIENT_ID);
    const login = locationOf(await agent.get(start), start);
    const page = await (await agent.get(login)).text();
    const submitted = await agent.postForm(new URL(`${login.pathname}/login`, as.url), {
      ...alice,
      csrf: hiddenField(page, 'csrf'),
    });
    let next = locationOf(submitted, login);
    for (let hop = 0; hop < 4 && !next.pathname.startsWith('/interaction/'); hop += 1) {
      next = locationOf(await agent.get(next), next);
    }
    const consent = await (await agent.get(next)).text();
    expect(consent).toContain('Example Agent');
    expect(consent).toContain(`Verified by its metadata document at <code>${CLIENT_ID}</code>`);
  });

  it('are cached: repeated authorizations do not fetch the document again', async () => {
    const before = fetches;
    await authorize({ issuer: as.url, client, scope: 'read:jira-work', user: alice });
    expect(fetches).toBe(before);
  });

  it('refuse a document whose client_id is not its own URL, without redirecting', async () => {
    const response = await new UserAgent().get(authorizeUrl(MISMATCHED_ID));
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('invalid_client_metadata');
  });

  it('are listed in the admin console and can be blocked there like any client', async () => {
    const admin = await signInToAccount(as.url, alice);
    const list = await openPage(admin, `${as.url}/admin/clients`);
    expect(list.html).toContain('Example Agent');
    expect(list.html).toContain(CLIENT_ID);
    const block = await admin.postForm(
      `${as.url}/admin/clients/${encodeURIComponent(CLIENT_ID)}/block`,
      {
        csrf: list.csrf,
      },
    );
    expect(block.status).toBe(303);
    try {
      const refused = await new UserAgent().get(authorizeUrl(CLIENT_ID));
      expect(refused.status).toBe(403);
      expect(refused.headers.get('location')).toBeNull();
      expect(await refused.text()).toContain('blocked this app');
    } finally {
      const again = await openPage(admin, `${as.url}/admin/clients`);
      await admin.postForm(`${as.url}/admin/clients/${encodeURIComponent(CLIENT_ID)}/unblock`, {
        csrf: again.csrf,
      });
    }
    const outcome = await authorize({
      issuer: as.url,
      client,
      scope: 'read:jira-work',
      user: alice,
    });
    expect(outcome.callback.searchParams.get('code')).toBeTruthy();
  });

  it('hold a document to the same redirect URI policy as a registration', async () => {
    const response = await new UserAgent().get(
      authorizeUrl(CLEARTEXT_ID, 'http://app.example.com/cb'),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    // oidc-provider reports any refusal while loading a document as invalid_client.
    expect(await response.text()).toContain('invalid_client');
  });

  it('let a loopback-only document use any loopback port (RFC 8252 §7.3)', async () => {
    const outcome = await authorize({
      issuer: as.url,
      client,
      scope: 'read:jira-work',
      user: alice,
      redirectUri: 'http://127.0.0.1:50001/callback',
    });
    expect(outcome.callback.origin).toBe('http://127.0.0.1:50001');
    expect(outcome.callback.searchParams.get('code')).toBeTruthy();
  });

  it('refuse a document host outside the org’s allowed client domains', async () => {
    await writeOrgSettings(
      testStore.store,
      'demo',
      { allowedClientDomains: ['trusted.example'] },
      { expectedVersion: 0, actor: null },
    );
    try {
      const url = authorizeUrl('https://untrusted.example/client.json');
      await expect
        .poll(async () => (await new UserAgent().get(url)).status, { timeout: 2_000 })
        .toBe(400);
      expect(await (await new UserAgent().get(url)).text()).toContain('invalid_client');
    } finally {
      await writeOrgSettings(testStore.store, 'demo', {}, { expectedVersion: 1, actor: null });
    }
  });
});
