import type { Redis } from 'ioredis';
import type { OidcAdapter, OidcAdapterStore, OidcPayload } from '../contract.js';
import { fromJson, toJson } from '../json.js';
import { nowEpochSeconds, oidcIndexFields, planOidcUpsert, withConsumed } from '../oidc-payload.js';
import { compareUtf8 } from '../ordering.js';
import { checkKeyParts } from '../validation.js';
import { execOrThrow } from './connection.js';
import type { RedisKeys } from './keys.js';
import { OIDC_CONSUME, OIDC_REVOKE_GRANT, OIDC_UPSERT } from './scripts.js';

function toPayload(entry: Record<string, string>): OidcPayload | undefined {
  if (entry.payload === undefined) return undefined;
  const consumed = entry.consumed === undefined ? null : Number(entry.consumed);
  return withConsumed(fromJson(entry.payload), consumed);
}

/**
 * The oidc-provider adapter after the well-known Redis pattern: one hash per entry with a native
 * TTL, a grant set per grantId, and user-code and uid index keys that expire with the entry.
 */
export function createRedisOidc(redis: Redis, keys: RedisKeys): OidcAdapterStore {
  function forModel(model: string): OidcAdapter {
    const find = async (id: string) => {
      checkKeyParts({ id });
      return toPayload(await redis.hgetall(keys.oidcEntry(model, id)));
    };
    // An index key can outlive a change of the entry's userCode or uid; check it still fits.
    const findVia = async (indexKey: string, field: 'userCode' | 'uid', value: string) => {
      const id = await redis.get(indexKey);
      const payload = id === null ? undefined : await find(id);
      return payload?.[field] === value ? payload : undefined;
    };
    const destroy = async (id: string) => {
      checkKeyParts({ id });
      await execOrThrow(
        redis.multi().del(keys.oidcEntry(model, id)).zrem(keys.oidcExpiry(model), id),
      );
    };

    return {
      async upsert(id, payload, expiresIn) {
        const plan = planOidcUpsert(model, id, payload, expiresIn);
        if (plan.ttlMs !== null && plan.ttlMs <= 0) return destroy(id);
        const entry = keys.oidcEntry(model, id);
        const index = oidcIndexFields(plan.payload);
        await OIDC_UPSERT.run(
          redis,
          [
            entry,
            keys.oidcExpiry(model),
            index.grantId === null ? entry : keys.oidcGrant(index.grantId),
            index.userCode === null ? entry : keys.oidcUserCode(model, index.userCode),
            index.uid === null ? entry : keys.oidcUid(model, index.uid),
          ],
          [
            toJson(plan.payload),
            plan.ttlMs ?? 0,
            id,
            Date.now(),
            ...[index.grantId, index.userCode, index.uid].map((value) => (value ? '1' : '0')),
          ],
        );
      },
      find,
      async findByUserCode(userCode) {
        checkKeyParts({ userCode });
        return findVia(keys.oidcUserCode(model, userCode), 'userCode', userCode);
      },
      async findByUid(uid) {
        checkKeyParts({ uid });
        return findVia(keys.oidcUid(model, uid), 'uid', uid);
      },
      async consume(id) {
        checkKeyParts({ id });
        const set = await OIDC_CONSUME.run(redis, [keys.oidcEntry(model, id)], [nowEpochSeconds()]);
        return set === 1;
      },
      destroy,
      async revokeByGrantId(grantId) {
        checkKeyParts({ grantId });
        await OIDC_REVOKE_GRANT.run(redis, [keys.oidcGrant(grantId)], []);
      },
    };
  }

  return {
    forModel,
    async list(model) {
      checkKeyParts({ model });
      const expiry = keys.oidcExpiry(model);
      await redis.zremrangebyscore(expiry, '-inf', Date.now());
      const ids = await redis.zrange(expiry, 0, -1);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(keys.oidcEntry(model, id));
      const entries = ids.length === 0 ? [] : await execOrThrow(pipeline);
      const found: Array<{ id: string; payload: OidcPayload }> = [];
      const gone: string[] = [];
      ids.forEach((id, i) => {
        const payload = toPayload(entries[i]?.[1] as Record<string, string>);
        if (payload === undefined) gone.push(id);
        else found.push({ id, payload });
      });
      // Entries destroyed through revokeByGrantId leave their id behind; tidy up.
      if (gone.length > 0) await redis.zrem(expiry, ...gone);
      return found.sort((a, b) => compareUtf8(a.id, b.id));
    },
  };
}
