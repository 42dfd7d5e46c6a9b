import type { ApiTokenRecord, ApiTokenStore } from '../contract.js';
import { ConflictError } from '../errors.js';
import { fromJson, toJson } from '../json.js';
import type { StoreLogger } from '../logger.js';
import { apiTokenSchema, checkKeyParts, epochMsSchema, parseOrThrow } from '../validation.js';
import { isUniqueViolation, type SqliteDatabase } from './open-database.js';

interface ApiTokenRow {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  hash: string;
  hint: string;
  scopes: string | null;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

function toRecord(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    name: row.name,
    hash: row.hash,
    hint: row.hint,
    scopes: row.scopes === null ? null : fromJson(row.scopes),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

const NEWEST_FIRST = 'ORDER BY created_at DESC, id';

/** API tokens over the `api_tokens` table; the id and hash columns are unique. */
export function createSqliteApiTokens(db: SqliteDatabase, logger: StoreLogger): ApiTokenStore {
  const insert = db.prepare(`
    INSERT INTO api_tokens (id, org_id, user_id, name, hash, hint, scopes, created_at,
      expires_at, last_used_at, revoked_at)
    VALUES (@id, @orgId, @userId, @name, @hash, @hint, @scopes, @createdAt, @expiresAt,
      @lastUsedAt, @revokedAt)`);
  const byId = db.prepare<[string], ApiTokenRow>('SELECT * FROM api_tokens WHERE id = ?');
  const byHash = db.prepare<[string], ApiTokenRow>('SELECT * FROM api_tokens WHERE hash = ?');
  const byUser = db.prepare<[string], ApiTokenRow>(
    `SELECT * FROM api_tokens WHERE user_id = ? ${NEWEST_FIRST}`,
  );
  const byOrg = db.prepare<[string], ApiTokenRow>(
    `SELECT * FROM api_tokens WHERE org_id = ? ${NEWEST_FIRST}`,
  );
  const revoke = db.prepare(
    'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );
  // Uses can be recorded out of order; keep the latest.
  const touch = db.prepare(`
    UPDATE api_tokens SET last_used_at = @at
    WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @at)`);

  return {
    async create(record) {
      const valid = parseOrThrow(apiTokenSchema, record, 'API token');
      try {
        insert.run({ ...valid, scopes: valid.scopes === null ? null : toJson(valid.scopes) });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new ConflictError(`an API token with id ${valid.id} or the same hash exists`, {
          cause: error,
        });
      }
    },
    async findById(id) {
      checkKeyParts({ id });
      const row = byId.get(id);
      return row === undefined ? null : toRecord(row);
    },
    async findByHash(hash) {
      checkKeyParts({ hash });
      const row = byHash.get(hash);
      return row === undefined ? null : toRecord(row);
    },
    async listByUser(userId) {
      checkKeyParts({ userId });
      return byUser.all(userId).map(toRecord);
    },
    async listByOrg(orgId) {
      checkKeyParts({ orgId });
      return byOrg.all(orgId).map(toRecord);
    },
    async revoke(id, at) {
      checkKeyParts({ id });
      return revoke.run(parseOrThrow(epochMsSchema, at, 'revokedAt'), id).changes > 0;
    },
    async touch(id, at) {
      // Best-effort and never rejects: callers may fire and forget it.
      try {
        touch.run({ id, at: parseOrThrow(epochMsSchema, at, 'lastUsedAt') });
      } catch (error) {
        logger.warn({ err: error, tokenId: id }, 'recording an API token use failed');
      }
    },
  };
}
