/**
 * The storage contract. Every backend (SQLite, Redis) implements exactly this, and one contract
 * test suite (`contract.test-suite.ts`) runs against each. Apps depend on these types only.
 *
 * Conventions that hold for every method:
 * - Times are epoch **milliseconds** (`number`) unless a name says otherwise (`expiresIn` is
 *   seconds because oidc-provider speaks seconds).
 * - Methods resolve `null`/`undefined` for "not found"; they reject only on a real failure
 *   (backend unreachable, constraint broken) or a documented error from `./errors.ts`.
 * - Every write is checked against the types below before anything is stored; input that does
 *   not fit (an unknown role, a fractional timestamp, an empty id) rejects with
 *   `InvalidArgumentError` naming the field. Unknown properties of records are dropped.
 * - Values handed in are copied (serialised as JSON); mutating a returned object never changes
 *   storage. Free-form values (payloads, details, records, key material) must be JSON: what
 *   `JSON.stringify` drops or changes (`undefined`, `Date`) comes back dropped or changed.
 * - Secrets are never stored in clear: API tokens by hash, passwords as scrypt hashes.
 *
 * The key scheme of each backend is written down once, next to its implementation:
 * `sqlite/schema.ts` (tables) and `redis/keys.ts` (key prefixes).
 */

// ---------------------------------------------------------------------------------------------
// oidc-provider adapter
// ---------------------------------------------------------------------------------------------

/**
 * What oidc-provider hands an adapter: a JSON object. The fields below are the ones the adapter
 * indexes on; everything else is kept as-is.
 */
export interface OidcPayload {
  [key: string]: unknown;
  /** Grant the artefact belongs to (AccessToken, RefreshToken, AuthorizationCode, ...). */
  grantId?: string;
  /** Device-flow user code (DeviceCode model). */
  userCode?: string;
  /** Session uid (Session model). */
  uid?: string;
  /** Epoch **seconds** when the artefact was consumed; set by `consume`. */
  consumed?: number;
}

/**
 * One oidc-provider model (`Session`, `AccessToken`, `Client`, `Grant`, ...). Mirrors the
 * adapter interface oidc-provider documents; an instance is created per model name.
 */
export interface OidcAdapter {
  /**
   * Insert or replace. `expiresIn` is in seconds; storage forgets the entry after that (none:
   * kept until destroyed; zero or less: removed now). A `consume` mark on a live entry survives
   * the replace, so a stale write can never un-consume a code or refresh token.
   */
  upsert(id: string, payload: OidcPayload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<OidcPayload | undefined>;
  /** The entry of this model whose payload carries this `userCode` now. */
  findByUserCode(userCode: string): Promise<OidcPayload | undefined>;
  /** The entry of this model whose payload carries this `uid` now. */
  findByUid(uid: string): Promise<OidcPayload | undefined>;
  /**
   * Marks the entry consumed (`consumed` = now in epoch seconds), atomically, keeping its
   * expiry. Resolves `true` only for the one call that consumed it: `false` when it was
   * consumed already (a concurrent redemption of the same code or refresh token, which callers
   * must treat as reuse) or is unknown or expired. Never changes an existing mark.
   */
  consume(id: string): Promise<boolean>;
  destroy(id: string): Promise<void>;
  /** Removes every artefact of every model that carries this `grantId`. */
  revokeByGrantId(grantId: string): Promise<void>;
}

export interface OidcAdapterStore {
  /** The adapter for one oidc-provider model name. Cheap; may be called per request. */
  forModel(model: string): OidcAdapter;
  /** Every stored entry of a model (unexpired), in id order, e.g. to list registered clients. */
  list(model: string): Promise<Array<{ id: string; payload: OidcPayload }>>;
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

export type OrgRole = 'admin' | 'member';

export interface User {
  id: string;
  orgId: string;
  /** Stored normalised (`normalizeEmail`: NFC, trimmed, lower-cased); unique across the store. */
  email: string;
  name: string;
  role: OrgRole;
  /** `scrypt$...` string from `hashPassword`; never the password itself. */
  passwordHash: string;
  createdAt: number;
  disabled: boolean;
}

export interface UserStore {
  /** Creates or replaces by id. Rejects with `ConflictError` when another user owns the email. */
  put(user: User): Promise<void>;
  findById(id: string): Promise<User | null>;
  /** Case-insensitive; the email is normalised the same way `put` stores it. */
  findByEmail(email: string): Promise<User | null>;
  /** Ordered by email. */
  listByOrg(orgId: string): Promise<User[]>;
}

// ---------------------------------------------------------------------------------------------
// Org settings (opaque JSON here; `@gatehouse/policy` owns the schema)
// ---------------------------------------------------------------------------------------------

export interface VersionedSettings {
  orgId: string;
  /** Starts at 1 with the first write and goes up by one with every write. */
  version: number;
  value: Record<string, unknown>;
  updatedAt: number;
  /** User id of whoever wrote this version; `null` for the system (seed, migration). */
  updatedBy: string | null;
}

export interface SettingsStore {
  get(orgId: string): Promise<VersionedSettings | null>;
  /**
   * Compare-and-set. Succeeds only when the stored version equals `expectedVersion` (use 0 for
   * "nothing stored yet"); otherwise rejects with `VersionConflictError` carrying the current
   * version, so two admins can never silently overwrite each other. `value` must be a JSON
   * object. The store does not publish `settings.changed`; the writer does.
   */
  put(
    orgId: string,
    value: Record<string, unknown>,
    options: { expectedVersion: number; actor: string | null },
  ): Promise<VersionedSettings>;
}

// ---------------------------------------------------------------------------------------------
// API tokens
// ---------------------------------------------------------------------------------------------

export interface ApiTokenRecord {
  id: string;
  orgId: string;
  userId: string;
  name: string;
  /**
   * Lower-case hex SHA-256 of the whole token string (`hashTokenValue`). The token itself is
   * never stored.
   */
  hash: string;
  /** The token's public prefix plus its first characters, to show in lists ("gat_abcd…"). */
  hint: string;
  /** `null` means "every scope the user may have". */
  scopes: string[] | null;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface ApiTokenStore {
  /** Rejects with `ConflictError` when the id or hash exists. */
  create(record: ApiTokenRecord): Promise<void>;
  findById(id: string): Promise<ApiTokenRecord | null>;
  findByHash(hash: string): Promise<ApiTokenRecord | null>;
  /** Newest first (`createdAt` descending, then id). */
  listByUser(userId: string): Promise<ApiTokenRecord[]>;
  /** Newest first (`createdAt` descending, then id). */
  listByOrg(orgId: string): Promise<ApiTokenRecord[]>;
  /**
   * Sets `revokedAt` once; returns false when the token is unknown or already revoked. The
   * store does not publish `api_token.revoked`; the caller does.
   */
  revoke(id: string, at: number): Promise<boolean>;
  /**
   * Records a use; keeps the latest `at` when uses arrive out of order. Cheap and best-effort:
   * it never rejects (failures go to the store's logger), so callers need not await it.
   */
  touch(id: string, at: number): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Audit log (append-only, hash-chained): contract-audit.ts, re-exported here
// ---------------------------------------------------------------------------------------------

import type { AuditStore } from './contract-audit.js';

export type * from './contract-audit.js';

// ---------------------------------------------------------------------------------------------
// Key material
// ---------------------------------------------------------------------------------------------

export interface KeyMaterialStore {
  /**
   * Returns the value stored under `name`, or stores the result of `create` and returns it.
   * When several processes race, exactly one value wins and every caller gets that one
   * (`create` may run in more than one process; the losers' values are discarded). Callers in
   * one process asking for the same name at once share one `create` call. Values are JSON.
   */
  getOrCreate<T>(name: string, create: () => T | Promise<T>): Promise<T>;
}

// ---------------------------------------------------------------------------------------------
// Workspace records (for `@gatehouse/workspace`)
// ---------------------------------------------------------------------------------------------

export interface RecordStore {
  get<T>(kind: string, id: string): Promise<T | null>;
  /** Creates or replaces. */
  put<T>(kind: string, id: string, value: T): Promise<void>;
  /** Creates only; returns false (and changes nothing) when the id exists. */
  create<T>(kind: string, id: string, value: T): Promise<boolean>;
  delete(kind: string, id: string): Promise<boolean>;
  /** Every record of a kind, ordered by id (UTF-8 byte order, i.e. plain order for ASCII). */
  list<T>(kind: string): Promise<T[]>;
  /** Atomic counter per name: 1, 2, 3, ... (issue keys like `OPS-12`). */
  nextSequence(name: string): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Rate limits (shared by every process on the store)
// ---------------------------------------------------------------------------------------------

export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** Epoch ms when the current window ends and the count starts again from zero. */
  resetAt: number;
}

export interface RateLimitStore {
  /**
   * Counts one hit on `key` in a fixed window of `windowSeconds` that opens with the key's first
   * hit. Atomic across processes. Keys are the caller's (e.g. `login-ip:203.0.113.7`).
   */
  hit(key: string, windowSeconds: number): Promise<RateLimitHit>;
  /** The current window's count without counting a hit; `null` when no window is open. */
  peek(key: string): Promise<RateLimitHit | null>;
  /** Forgets the key's window (after a successful sign-in, say). */
  reset(key: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Events between processes
// ---------------------------------------------------------------------------------------------

/**
 * What one process tells the others. A `tokenHash` is always `hashTokenValue(token)`: the
 * lower-case hex SHA-256 of the whole token string, never the token.
 */
export type StoreEvent =
  /** An OAuth grant (and with it every token of the grant) was revoked. */
  | { type: 'grant.revoked'; grantId: string }
  /** One access token was revoked. */
  | { type: 'token.revoked'; tokenHash: string }
  /** An API token was revoked; `tokenHash` is its record's `hash`. */
  | { type: 'api_token.revoked'; tokenId: string; tokenHash: string }
  /** Org settings were written; `version` is the new version. */
  | { type: 'settings.changed'; orgId: string; version: number }
  /** A user was disabled: every credential of theirs stops at once. */
  | { type: 'user.disabled'; userId: string };

export type StoreEventListener = (event: StoreEvent) => void;

/**
 * Cache-invalidation signals between processes. Not a log: there is no replay, so an event
 * published while a process is not subscribed (before its subscription is established, which
 * on Redis takes one round trip after `subscribe` returns, or during an outage) never reaches
 * it. The store itself never publishes; whoever changes state publishes the event.
 */
export interface EventChannel {
  /**
   * Delivers to every subscriber in every process sharing the store (this one included),
   * within one second. Rejects with `InvalidArgumentError` for an event not listed above.
   */
  publish(event: StoreEvent): Promise<void>;
  /**
   * Returns an unsubscribe function (idempotent). Listeners must not throw; errors are
   * swallowed and logged. Each listener gets its own copy of the event.
   */
  subscribe(listener: StoreEventListener): () => void;
}

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

export interface Store {
  readonly backend: 'sqlite' | 'redis';
  readonly oidc: OidcAdapterStore;
  readonly users: UserStore;
  readonly settings: SettingsStore;
  readonly apiTokens: ApiTokenStore;
  readonly audit: AuditStore;
  readonly keys: KeyMaterialStore;
  readonly records: RecordStore;
  readonly events: EventChannel;
  readonly limits: RateLimitStore;
  /** Resolves when the backend answers; rejects otherwise (readiness probes). */
  ping(): Promise<void>;
  /** Stops timers and subscriptions and closes connections. Idempotent; the store is unusable after. */
  close(): Promise<void>;
}
