/**
 * The SQLite schema, every table and index documented once, here.
 *
 * The file is `${dataDir}/gatehouse.db` in WAL mode. `PRAGMA user_version` holds the schema
 * version: `MIGRATIONS[i]` takes a database from version `i` to `i + 1`, and opening a database
 * runs the missing ones in one `BEGIN IMMEDIATE` transaction (so two processes opening at once
 * migrate once). To change the schema, append a migration; never edit a released one.
 *
 * Conventions: times are epoch milliseconds (`INTEGER`) unless a column says seconds; JSON is
 * stored as `TEXT` written by `toJson`; booleans are 0/1.
 */

/** Version 1: the first schema. */
const V1 = `
-- oidc-provider artefacts of every model (Session, AccessToken, Client, Grant, ...).
-- payload: the JSON oidc-provider handed in. grant_id, user_code, uid: copied out of the payload
-- for the findBy* lookups and revokeByGrantId. expires_at: NULL = never; rows past it are
-- ignored by every read and deleted by the periodic sweep. consumed_at: epoch SECONDS, set by
-- consume(); it survives an upsert of a live row, so a stale write cannot un-consume a code.
CREATE TABLE oidc (
  model       TEXT NOT NULL,
  id          TEXT NOT NULL,
  payload     TEXT NOT NULL,
  grant_id    TEXT,
  user_code   TEXT,
  uid         TEXT,
  expires_at  INTEGER,
  consumed_at INTEGER,
  PRIMARY KEY (model, id)
);
-- revokeByGrantId across all models.
CREATE INDEX oidc_by_grant ON oidc (grant_id) WHERE grant_id IS NOT NULL;
-- findByUserCode / findByUid within one model.
CREATE INDEX oidc_by_user_code ON oidc (model, user_code) WHERE user_code IS NOT NULL;
CREATE INDEX oidc_by_uid ON oidc (model, uid) WHERE uid IS NOT NULL;
-- The expiry sweep.
CREATE INDEX oidc_by_expiry ON oidc (expires_at) WHERE expires_at IS NOT NULL;

-- Users. email is normalised (see email.ts) and unique across the store.
CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  org_id        TEXT NOT NULL,
  email         TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  disabled      INTEGER NOT NULL
);
-- listByOrg, in email order.
CREATE INDEX users_by_org ON users (org_id, email);

-- Org settings, one row per org: the current version only (the audit log keeps the history).
-- value: JSON object owned by @gatehouse/policy. updated_by: user id, NULL for the system.
CREATE TABLE settings (
  org_id     TEXT PRIMARY KEY,
  version    INTEGER NOT NULL,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT
);

-- API tokens, by hash only. scopes: JSON array, NULL = every scope the user may have.
CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  org_id       TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  name         TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE,
  hint         TEXT NOT NULL,
  scopes       TEXT,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER
);
-- listByUser / listByOrg, newest first.
CREATE INDEX api_tokens_by_user ON api_tokens (user_id, created_at);
CREATE INDEX api_tokens_by_org ON api_tokens (org_id, created_at);

-- The audit log: one hash chain across all orgs (see audit-chain.ts). seq is the position in
-- the chain, from 1 without gaps, assigned inside BEGIN IMMEDIATE from the current maximum.
-- details: JSON object. Rows are never updated or deleted by the store.
CREATE TABLE audit_events (
  seq       INTEGER PRIMARY KEY,
  org_id    TEXT NOT NULL,
  action    TEXT NOT NULL,
  outcome   TEXT NOT NULL,
  actor     TEXT,
  client_id TEXT,
  ip        TEXT,
  details   TEXT NOT NULL,
  at        INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
-- query(): newest first within an org, optionally by actor, action or outcome.
CREATE INDEX audit_by_org ON audit_events (org_id, seq);
CREATE INDEX audit_by_org_actor ON audit_events (org_id, actor, seq);
CREATE INDEX audit_by_org_action ON audit_events (org_id, action, seq);
CREATE INDEX audit_by_org_outcome ON audit_events (org_id, outcome, seq);

-- Key material (signing keys, cookie secrets): JSON value, written once, never replaced.
CREATE TABLE key_material (
  name       TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Workspace records: JSON value per (kind, id); list() reads in id order from the key.
CREATE TABLE records (
  kind  TEXT NOT NULL,
  id    TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- nextSequence counters: value is the last number handed out.
CREATE TABLE sequences (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

-- The events channel between processes sharing the file. AUTOINCREMENT so a seq is never
-- reused after pruning; every store polls for rows after the last seq it saw. Rows older than
-- EVENT_RETENTION_MS (sqlite/events.ts) are pruned.
CREATE TABLE events (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  at      INTEGER NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX events_by_at ON events (at);
`;

/** Version 2: fixed-window rate limit counters (`limits.hit`), one row per key. */
const V2 = `
CREATE TABLE rate_limits (
  key       TEXT PRIMARY KEY,
  count     INTEGER NOT NULL,
  reset_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX rate_limits_by_reset ON rate_limits (reset_at);
`;

/**
 * Version 3: the keyed audit chain (audit-chain.ts). hash_alg says how the row's hash was made:
 * 'hmac-sha256' (keyed with the audit chain key) for every row written from this version on,
 * NULL for rows written before it, whose hash is plain SHA-256 and which still verify as such.
 */
const V3 = `
ALTER TABLE audit_events ADD COLUMN hash_alg TEXT;
`;

/** `MIGRATIONS[i]` upgrades schema version `i` to `i + 1`. Append only. */
export const MIGRATIONS: readonly string[] = [V1, V2, V3];

/** The schema version this code writes and expects. */
export const SCHEMA_VERSION = MIGRATIONS.length;
