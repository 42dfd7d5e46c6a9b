/**
 * A cache in front of introspection, so that a busy client costs the authorization server one
 * call per token per minute rather than one per request, while revocation still takes effect
 * within a second (the store's events channel tells every instance).
 *
 * - Keyed by `hashTokenValue(token)` (the token itself is never kept), which is also the
 *   `tokenHash` that `token.revoked` and `api_token.revoked` events carry.
 * - An active result lives until the token's `exp` and never longer than `activeTtlMs`; an
 *   inactive one `inactiveTtlMs` (so a flood of bad tokens does not become a flood of calls).
 * - Concurrent checks of one token share one introspection call (single-flight).
 * - At most `maxEntries` entries; the least recently used go first. Inactive results have their
 *   own, smaller bound (`INACTIVE_SHARE` of `maxEntries`) and are evicted before any active one,
 *   so a flood of bad tokens churns only the inactive entries and never pushes out the entry of
 *   someone whose token works.
 * - Events: `token.revoked` / `api_token.revoked` drop that token. `grant.revoked` drops every
 *   OAuth entry, because introspection does not tell us a token's grant id and a revoked grant
 *   must not keep working for up to a minute; API-token entries are never part of a grant and
 *   stay. `settings.changed` drops everything (API-token auth or scopes may have been switched
 *   off). Revocations are rare, so the price is a burst of re-introspection, not a steady cost.
 * - Failures are never cached, and a result that was in flight while an event dropped entries
 *   is handed to its callers but not stored (it may predate the revocation).
 */
import { hashTokenValue, type StoreEvent } from '@gatehouse/store';
import type { IntrospectionResult, Introspector } from './introspection.js';

/** Options of `createIntrospectionCache`; times in milliseconds. */
export interface IntrospectionCacheOptions {
  introspect: Introspector;
  activeTtlMs: number;
  inactiveTtlMs: number;
  maxEntries: number;
  /** Clock, epoch milliseconds; injectable for tests. */
  now?: () => number;
}

/** The cache's public face. */
export interface IntrospectionCache {
  /** The (possibly cached) introspection of `token`. Rejects as the introspector does. */
  check(token: string): Promise<IntrospectionResult>;
  /**
   * True when a fresh entry says `token` is active. No introspection, no reordering: a cheap
   * look for callers that must not hold back a token the authorization server vouches for.
   */
  peekActive(token: string): boolean;
  /** Applies a store event (subscribe this to `store.events`). */
  handleEvent(event: StoreEvent): void;
  /** Entries held now. */
  size(): number;
  clear(): void;
}

interface Entry {
  result: IntrospectionResult;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Share of `maxEntries` that inactive results may hold: 10 % (at least one entry). */
export const INACTIVE_SHARE = 0.1;

/** Drops the least recently used entry of `map`; false when it is empty. */
function evictOldest(map: Map<string, Entry>): boolean {
  const oldest = map.keys().next().value;
  if (oldest === undefined) return false;
  map.delete(oldest);
  return true;
}

export function createIntrospectionCache(options: IntrospectionCacheOptions): IntrospectionCache {
  const now = options.now ?? Date.now;
  /** Two LRU lists (first = least recently used): the bounds treat them differently. */
  const active = new Map<string, Entry>();
  const inactive = new Map<string, Entry>();
  const maxInactive = Math.max(1, Math.floor(options.maxEntries * INACTIVE_SHARE));
  const inFlight = new Map<string, Promise<IntrospectionResult>>();
  /** Goes up with every invalidation; a lookup that started in an older epoch is not stored. */
  let epoch = 0;

  function lifetimeOf(result: IntrospectionResult): number {
    if (!result.active) return now() + options.inactiveTtlMs;
    return Math.min(now() + options.activeTtlMs, result.claims.expiresAt * 1000);
  }

  function store(key: string, result: IntrospectionResult): void {
    const expiresAt = lifetimeOf(result);
    if (expiresAt <= now()) return;
    active.delete(key);
    inactive.delete(key);
    (result.active ? active : inactive).set(key, { result, expiresAt });
    while (inactive.size > maxInactive) evictOldest(inactive);
    while (active.size + inactive.size > options.maxEntries) {
      if (!evictOldest(inactive)) evictOldest(active);
    }
  }

  function fresh(key: string): IntrospectionResult | undefined {
    const map = active.has(key) ? active : inactive;
    const entry = map.get(key);
    if (entry === undefined) return undefined;
    map.delete(key);
    if (entry.expiresAt <= now()) return undefined;
    map.set(key, entry); // most recently used goes last
    return entry.result;
  }

  function lookup(key: string, token: string): Promise<IntrospectionResult> {
    const startedIn = epoch;
    const call = options.introspect(token).then((result) => {
      if (epoch === startedIn) store(key, result);
      return result;
    });
    const shared: Promise<IntrospectionResult> = call.finally(() => {
      if (inFlight.get(key) === shared) inFlight.delete(key);
    });
    inFlight.set(key, shared);
    return shared;
  }

  function invalidate(drop: (key: string, entry: Entry) => boolean): void {
    epoch += 1;
    for (const map of [active, inactive]) {
      for (const [key, entry] of map) if (drop(key, entry)) map.delete(key);
    }
    inFlight.clear();
  }

  return {
    check(token) {
      const key = hashTokenValue(token);
      const cached = fresh(key);
      if (cached !== undefined) return Promise.resolve(cached);
      return inFlight.get(key) ?? lookup(key, token);
    },
    peekActive(token) {
      const entry = active.get(hashTokenValue(token));
      return entry !== undefined && entry.expiresAt > now();
    },
    handleEvent(event) {
      switch (event.type) {
        case 'token.revoked':
        case 'api_token.revoked':
          invalidate((key) => key === event.tokenHash);
          return;
        case 'grant.revoked':
          invalidate((_key, { result }) => result.active && result.claims.authMethod === 'oauth');
          return;
        case 'settings.changed':
          invalidate(() => true);
          return;
        case 'user.disabled':
          invalidate((_key, { result }) => result.active && result.claims.subject === event.userId);
          return;
      }
    },
    size: () => active.size + inactive.size,
    clear: () => invalidate(() => true),
  };
}
