/**
 * Stack: the authorization server in-process on an ephemeral port, over a fresh seeded store
 * (SQLite, and Redis when one answers) whose API-token lookups are counted. API tokens are
 * created through the account pages, the org switch is flipped through the admin console, and
 * introspection is called as the resource server would, all over real HTTP.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { RunningAuthorizationServer } from '@gatehouse/authorization-server';
import { formatApiToken } from '@gatehouse/policy';
import type { ApiTokenStore, Store, StoreEvent } from '@gatehouse/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiTokenViaAccount,
  openPage,
  setApiTokenAuth,
  signInToAccount,
} from '../support/account-pages.js';
import { introspect } from '../support/oauth-flow.js';
import {
  type Backend,
  DEMO_PASSWORD,
  isRedisAvailable,
  openTestStore,
  startAuthorizationServer,
  type TestStore,
} from '../support/stack.js';
import type { UserAgent } from '../support/user-agent.js';

const backends: Backend[] = ['sqlite', ...((await isRedisAvailable()) ? (['redis'] as const) : [])];
const DAY_MS = 86_400_000;

/** The store with `apiTokens.findByHash` counted, to prove which checks need no lookup. */
function countingLookups(store: Store) {
  const counter = { findByHash: 0 };
  const apiTokens: ApiTokenStore = {
    ...store.apiTokens,
    findByHash(hash) {
      counter.findByHash += 1;
      return store.apiTokens.findByHash(hash);
    },
  };
  const counted = new Proxy(store, {
    get: (target, property) =>
      property === 'apiTokens' ? apiTokens : Reflect.get(target, property),
  });
  return { counted, counter };
}

describe.each(backends)('API-token introspection on %s', (backend) => {
  let testStore: TestStore;
  let as: RunningAuthorizationServer;
  let counter: { findByHash: number };
  let alice: UserAgent;
  const check = (token: string) => introspect(as.url, token, as.introspectionClient);

  beforeAll(async () => {
    testStore = await openTestStore(backend);
    const counting = countingLookups(testStore.store);
    counter = counting.counter;
    as = await startAuthorizationServer(counting.counted);
    alice = await signInToAccount(as.url, { email: 'alice@example.com', password: DEMO_PASSWORD });
  });

  afterAll(async () => {
    await as?.close();
    await testStore?.dispose();
  });

  it('answers inactive while the org has API-token auth off (the default), then active once on', async () => {
    const token = await createApiTokenViaAccount(alice, as.url, {
      name: 'CI',
      scopes: ['read:jsm', 'write:jsm'],
    });
    expect((await check(token)).body).toEqual({ active: false });

    await setApiTokenAuth(alice, as.url, true);
    const { status, body } = await check(token);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      active: true,
      sub: 'user-alice',
      email: 'alice@example.com',
      scope: 'read:jsm write:jsm',
      aud: as.config.mcpResourceUrl,
      token_type: 'Bearer',
      auth_method: 'api_token',
    });
    expect(body.client_id).toBe(`api-token:${body.api_token_id}`);
    expect((body.exp as number) - (body.iat as number)).toBe(30 * 86_400);

    await setApiTokenAuth(alice, as.url, false);
    expect((await check(token)).body).toEqual({ active: false });
    await setApiTokenAuth(alice, as.url, true);
  });

  it('rejects a malformed token and a bad checksum without a store lookup', async () => {
    const token = formatApiToken(randomBytes(32));
    const lastChar = token.at(-1) === 'A' ? 'B' : 'A';
    const before = counter.findByHash;
    for (const value of [token.slice(0, -1) + lastChar, token.slice(0, 20), 'gat_', `${token}x`]) {
      expect((await check(value)).body).toEqual({ active: false });
    }
    expect(counter.findByHash).toBe(before);
    expect((await check(token)).body).toEqual({ active: false }); // well formed, unknown
    expect(counter.findByHash).toBe(before + 1);
  });

  it('answers inactive for an expired token and for a disabled owner', async () => {
    const { store } = testStore;
    const expired = formatApiToken(randomBytes(32));
    await store.apiTokens.create({
      id: 'tok_expired',
      orgId: 'demo',
      userId: 'user-bob',
      name: 'old',
      hash: createHash('sha256').update(expired).digest('hex'),
      hint: 'gat_xxxx…',
      scopes: null,
      createdAt: Date.now() - 2 * DAY_MS,
      expiresAt: Date.now() - 1,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect((await check(expired)).body).toEqual({ active: false });

    const carol = await signInToAccount(as.url, {
      email: 'carol@example.com',
      password: DEMO_PASSWORD,
    });
    const token = await createApiTokenViaAccount(carol, as.url, { name: 'carol bot' });
    expect((await check(token)).body.active).toBe(true);
    const user = await store.users.findByEmail('carol@example.com');
    if (user === null) throw new Error('carol is seeded');
    await store.users.put({ ...user, disabled: true });
    try {
      expect((await check(token)).body).toEqual({ active: false });
    } finally {
      await store.users.put(user);
    }
  });

  it('revokes from the account page: inactive at once, and every process is told', async () => {
    const token = await createApiTokenViaAccount(alice, as.url, { name: 'to revoke' });
    const active = await check(token);
    expect(active.body.active).toBe(true);
    const tokenId = String(active.body.api_token_id);
    const events: StoreEvent[] = [];
    const unsubscribe = testStore.store.events.subscribe((event) => events.push(event));
    try {
      const { csrf } = await openPage(alice, `${as.url}/account`);
      const response = await alice.postForm(`${as.url}/account/tokens/${tokenId}/revoke`, { csrf });
      expect(response.status).toBe(303);
      expect((await check(token)).body).toEqual({ active: false });
      await expect
        .poll(() => events.find((e) => e.type === 'api_token.revoked'))
        .toMatchObject({ tokenId });
    } finally {
      unsubscribe();
    }
  });

  it('narrows a token to its scopes, and to what the org allows now', async () => {
    const all = await createApiTokenViaAccount(alice, as.url, { name: 'everything' });
    const scopes = String((await check(all)).body.scope).split(' ');
    expect(scopes).toEqual(
      expect.arrayContaining(['read:jsm', 'write:bitbucket', 'read:jira-work']),
    );
    expect(scopes).not.toContain('offline_access');

    const limited = await createApiTokenViaAccount(alice, as.url, {
      name: 'jsm',
      scopes: ['read:jsm'],
    });
    expect((await check(limited)).body.scope).toBe('read:jsm');
  });

  it('records the last use and audits api_token.used once a minute, not per request', async () => {
    const token = await createApiTokenViaAccount(alice, as.url, { name: 'busy' });
    const tokenId = String((await check(token)).body.api_token_id);
    await check(token);
    await check(token);
    await expect
      .poll(async () => (await testStore.store.apiTokens.findById(tokenId))?.lastUsedAt ?? null)
      .not.toBeNull();
    const page = await testStore.store.audit.query({ orgId: 'demo', action: 'api_token.used' });
    expect(page.events.filter((event) => event.details.tokenId === tokenId)).toHaveLength(1);
  });
});
