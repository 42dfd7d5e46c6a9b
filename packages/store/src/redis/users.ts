import type { Redis } from 'ioredis';
import type { User, UserStore } from '../contract.js';
import { normalizeEmail } from '../email.js';
import { ConflictError } from '../errors.js';
import { fromJson, toJson } from '../json.js';
import { compareUsers } from '../ordering.js';
import { checkKeyParts, parseOrThrow, userSchema } from '../validation.js';
import type { RedisKeys } from './keys.js';
import { USER_PUT } from './scripts.js';

/** How often `put` re-reads and retries when a concurrent write changed the same user. */
const PUT_ATTEMPTS_MAX = 20;

/** Users as JSON strings, with an email index and a set per org (see keys.ts). */
export function createRedisUsers(redis: Redis, keys: RedisKeys): UserStore {
  async function findById(id: string): Promise<User | null> {
    checkKeyParts({ id });
    const text = await redis.get(keys.user(id));
    return text === null ? null : fromJson<User>(text);
  }

  return {
    async put(user) {
      const valid = parseOrThrow(userSchema, user, 'user');
      const next: User = { ...valid, email: normalizeEmail(valid.email) };
      const newKeys = [keys.user(next.id), keys.userEmail(next.email), keys.orgUsers(next.orgId)];
      for (let attempt = 0; attempt < PUT_ATTEMPTS_MAX; attempt++) {
        const current = await redis.get(keys.user(next.id));
        const old = current === null ? null : fromJson<User>(current);
        const oldKeys = old
          ? [keys.userEmail(old.email), keys.orgUsers(old.orgId)]
          : newKeys.slice(1);
        const result = await USER_PUT.run(
          redis,
          [...newKeys, ...oldKeys],
          [next.id, toJson(next), current ?? ''],
        );
        if (result === 1) return;
        if (result === 0) throw new ConflictError(`email ${next.email} belongs to another user`);
      }
      throw new Error(`user ${next.id} kept changing under concurrent writes; giving up`);
    },
    findById,
    async findByEmail(email) {
      const id = await redis.get(keys.userEmail(normalizeEmail(email)));
      return id === null ? null : findById(id);
    },
    async listByOrg(orgId) {
      checkKeyParts({ orgId });
      const ids = await redis.smembers(keys.orgUsers(orgId));
      if (ids.length === 0) return [];
      const texts = await redis.mget(ids.map((id) => keys.user(id)));
      return texts
        .flatMap((text) => (text === null ? [] : [fromJson<User>(text)]))
        .filter((user) => user.orgId === orgId)
        .sort(compareUsers);
    },
  };
}
