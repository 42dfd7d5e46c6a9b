import type { OidcAdapter, OidcAdapterStore, OidcPayload } from '../contract.js';
import { fromJson, toJson } from '../json.js';
import { nowEpochSeconds, oidcIndexFields, planOidcUpsert, withConsumed } from '../oidc-payload.js';
import { checkKeyParts } from '../validation.js';
import type { SqliteDatabase } from './open-database.js';

interface OidcRow {
  id: string;
  payload: string;
  consumed_at: number | null;
}

/** A row is live while it has no expiry or its expiry is still ahead. */
const LIVE = '(expires_at IS NULL OR expires_at > @now)';

function prepare(db: SqliteDatabase) {
  return {
    upsert: db.prepare(`
      INSERT INTO oidc (model, id, payload, grant_id, user_code, uid, expires_at, consumed_at)
      VALUES (@model, @id, @payload, @grantId, @userCode, @uid, @expiresAt, NULL)
      ON CONFLICT (model, id) DO UPDATE SET
        payload = excluded.payload, grant_id = excluded.grant_id,
        user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at,
        consumed_at = CASE WHEN oidc.expires_at <= @now THEN NULL ELSE oidc.consumed_at END`),
    find: db.prepare<{ model: string; id: string; now: number }, OidcRow>(
      `SELECT id, payload, consumed_at FROM oidc WHERE model = @model AND id = @id AND ${LIVE}`,
    ),
    findByUserCode: db.prepare<{ model: string; key: string; now: number }, OidcRow>(`
      SELECT id, payload, consumed_at FROM oidc
      WHERE model = @model AND user_code = @key AND ${LIVE} ORDER BY rowid DESC LIMIT 1`),
    findByUid: db.prepare<{ model: string; key: string; now: number }, OidcRow>(`
      SELECT id, payload, consumed_at FROM oidc
      WHERE model = @model AND uid = @key AND ${LIVE} ORDER BY rowid DESC LIMIT 1`),
    consume: db.prepare(
      `UPDATE oidc SET consumed_at = @consumedAt
       WHERE model = @model AND id = @id AND consumed_at IS NULL AND ${LIVE}`,
    ),
    destroy: db.prepare('DELETE FROM oidc WHERE model = ? AND id = ?'),
    revokeByGrantId: db.prepare('DELETE FROM oidc WHERE grant_id = ?'),
    list: db.prepare<{ model: string; now: number }, OidcRow>(
      `SELECT id, payload, consumed_at FROM oidc WHERE model = @model AND ${LIVE} ORDER BY id`,
    ),
    sweep: db.prepare('DELETE FROM oidc WHERE expires_at <= ?'),
  };
}

function toPayload(row: OidcRow | undefined): OidcPayload | undefined {
  return row === undefined ? undefined : withConsumed(fromJson(row.payload), row.consumed_at);
}

/**
 * The oidc-provider adapter over the `oidc` table (see schema.ts). Expired rows are invisible
 * to reads; `sweepExpired` deletes them and runs on the store's maintenance timer.
 */
export function createSqliteOidc(db: SqliteDatabase) {
  const sql = prepare(db);

  function forModel(model: string): OidcAdapter {
    return {
      async upsert(id, payload, expiresIn) {
        const plan = planOidcUpsert(model, id, payload, expiresIn);
        if (plan.ttlMs !== null && plan.ttlMs <= 0) {
          sql.destroy.run(model, id);
          return;
        }
        const now = Date.now();
        sql.upsert.run({
          model,
          id,
          payload: toJson(plan.payload),
          ...oidcIndexFields(plan.payload),
          expiresAt: plan.ttlMs === null ? null : now + plan.ttlMs,
          now,
        });
      },
      async find(id) {
        checkKeyParts({ id });
        return toPayload(sql.find.get({ model, id, now: Date.now() }));
      },
      async findByUserCode(userCode) {
        checkKeyParts({ userCode });
        return toPayload(sql.findByUserCode.get({ model, key: userCode, now: Date.now() }));
      },
      async findByUid(uid) {
        checkKeyParts({ uid });
        return toPayload(sql.findByUid.get({ model, key: uid, now: Date.now() }));
      },
      async consume(id) {
        checkKeyParts({ id });
        const result = sql.consume.run({
          model,
          id,
          consumedAt: nowEpochSeconds(),
          now: Date.now(),
        });
        return result.changes === 1;
      },
      async destroy(id) {
        checkKeyParts({ id });
        sql.destroy.run(model, id);
      },
      async revokeByGrantId(grantId) {
        checkKeyParts({ grantId });
        sql.revokeByGrantId.run(grantId);
      },
    };
  }

  const store: OidcAdapterStore = {
    forModel,
    async list(model) {
      checkKeyParts({ model });
      return sql.list.all({ model, now: Date.now() }).map((row) => ({
        id: row.id,
        payload: toPayload(row) as OidcPayload,
      }));
    },
  };

  /** Deletes every expired row; returns how many. */
  function sweepExpired(): number {
    return sql.sweep.run(Date.now()).changes;
  }

  return { store, sweepExpired };
}
