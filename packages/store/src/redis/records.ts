import type { Redis } from 'ioredis';
import type { RecordStore } from '../contract.js';
import { fromJson, toJson } from '../json.js';
import { createKeyMaterialStore } from '../key-material.js';
import { compareUtf8 } from '../ordering.js';
import { checkKeyParts } from '../validation.js';
import type { RedisKeys } from './keys.js';

/** Workspace records as one hash per kind (field = id), counters with INCR. */
export function createRedisRecords(redis: Redis, keys: RedisKeys): RecordStore {
  return {
    async get<T>(kind: string, id: string) {
      checkKeyParts({ kind, id });
      const text = await redis.hget(keys.records(kind), id);
      return text === null ? null : fromJson<T>(text);
    },
    async put(kind, id, value) {
      checkKeyParts({ kind, id });
      await redis.hset(keys.records(kind), id, toJson(value));
    },
    async create(kind, id, value) {
      checkKeyParts({ kind, id });
      return (await redis.hsetnx(keys.records(kind), id, toJson(value))) === 1;
    },
    async delete(kind, id) {
      checkKeyParts({ kind, id });
      return (await redis.hdel(keys.records(kind), id)) === 1;
    },
    async list<T>(kind: string) {
      checkKeyParts({ kind });
      const all = await redis.hgetall(keys.records(kind));
      return Object.keys(all)
        .sort(compareUtf8)
        .map((id) => fromJson<T>(all[id] as string));
    },
    async nextSequence(name) {
      checkKeyParts({ name });
      return redis.incr(keys.sequence(name));
    },
  };
}

/** Key material: SET NX, so the first writer wins, then GET what won. */
export function createRedisKeyMaterial(redis: Redis, keys: RedisKeys) {
  return createKeyMaterialStore({
    read: (name) => redis.get(keys.keyMaterial(name)),
    async insertIfAbsent(name, json) {
      await redis.set(keys.keyMaterial(name), json, 'NX');
    },
  });
}
