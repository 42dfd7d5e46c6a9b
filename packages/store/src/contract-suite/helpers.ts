import type { ApiTokenRecord, Store, StoreEvent, User } from '../contract.js';
import { hashTokenValue } from '../token-hash.js';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A valid user; `passwordHash` is a placeholder, hashing is not under test here. */
export function sampleUser(overrides: Partial<User> = {}): User {
  const id = overrides.id ?? 'u1';
  return {
    id,
    orgId: 'org1',
    email: `${id}@example.com`,
    name: `User ${id}`,
    role: 'member',
    passwordHash: 'scrypt$32768$8$1$c2FsdA$a2V5',
    createdAt: 1_700_000_000_000,
    disabled: false,
    ...overrides,
  };
}

/** A valid API token record whose hash is derived from its id. */
export function sampleToken(overrides: Partial<ApiTokenRecord> = {}): ApiTokenRecord {
  const id = overrides.id ?? 't1';
  return {
    id,
    orgId: 'org1',
    userId: 'u1',
    name: `token ${id}`,
    hash: hashTokenValue(`secret-${id}`),
    hint: 'gat_abcd…',
    scopes: ['read:jira-work'],
    createdAt: 1_700_000_000_000,
    expiresAt: 1_800_000_000_000,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns whether it did. */
export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

/**
 * Resolves once `store` receives its own events. Redis confirms a SUBSCRIBE a round trip after
 * `subscribe()` returns; events published before that are (by design) not delivered.
 */
export async function untilSubscribed(store: Store): Promise<void> {
  const probe: StoreEvent = {
    type: 'settings.changed',
    orgId: `probe-${Math.random()}`,
    version: 1,
  };
  let seen = false;
  const unsubscribe = store.events.subscribe((event) => {
    if (event.type === 'settings.changed' && event.orgId === probe.orgId) seen = true;
  });
  try {
    for (let attempt = 0; attempt < 100 && !seen; attempt++) {
      await store.events.publish(probe);
      await waitUntil(() => seen, 100);
    }
    if (!seen) throw new Error('the store never received its own probe event');
  } finally {
    unsubscribe();
  }
}
