import type { Redis } from 'ioredis';
import type { ApiTokenRecord, ApiTokenStore } from '../contract.js';
import { ConflictError } from '../errors.js';
import { fromJson, toJson } from '../json.js';
import type { StoreLogger } from '../logger.js';
import { compareApiTokens } from '../ordering.js';
import { apiTokenSchema, checkKeyParts, epochMsSchema, parseOrThrow } from '../validation.js';
import { execOrThrow } from './connection.js';
import type { RedisKeys } from './keys.js';
import { API_TOKEN_CREATE, API_TOKEN_REVOKE, API_TOKEN_TOUCH } from './scripts.js';

/** The fields that never change after `create`, stored together as `doc`. */
type FixedFields = Omit<ApiTokenRecord, 'lastUsedAt' | 'revokedAt'>;

function toRecord(hash: Record<string, string>): ApiTokenRecord | null {
  if (hash.doc === undefined) return null;
  return {
    ...fromJson<FixedFields>(hash.doc),
    lastUsedAt: hash.lastUsedAt === undefined ? null : Number(hash.lastUsedAt),
    revokedAt: hash.revokedAt === undefined ? null : Number(hash.revokedAt),
  };
}

/**
 * API tokens as hashes: the fixed fields as one JSON `doc`, and `lastUsedAt` / `revokedAt` as
 * fields of their own so that touch and revoke update them atomically without rewriting JSON.
 */
export function createRedisApiTokens(
  redis: Redis,
  keys: RedisKeys,
  logger: StoreLogger,
): ApiTokenStore {
  async function findById(id: string): Promise<ApiTokenRecord | null> {
    checkKeyParts({ id });
    return toRecord(await redis.hgetall(keys.apiToken(id)));
  }

  async function listFrom(setKey: string): Promise<ApiTokenRecord[]> {
    const ids = await redis.smembers(setKey);
    if (ids.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.hgetall(keys.apiToken(id));
    const results = await execOrThrow(pipeline);
    return results
      .flatMap(([, hash]) => toRecord(hash as Record<string, string>) ?? [])
      .sort(compareApiTokens);
  }

  return {
    async create(record) {
      const { lastUsedAt, revokedAt, ...fixed } = parseOrThrow(apiTokenSchema, record, 'API token');
      const created = await API_TOKEN_CREATE.run(
        redis,
        [
          keys.apiToken(fixed.id),
          keys.apiTokenHash(fixed.hash),
          keys.userApiTokens(fixed.userId),
          keys.orgApiTokens(fixed.orgId),
        ],
        [toJson(fixed), fixed.id, lastUsedAt ?? '', revokedAt ?? ''],
      );
      if (created !== 1) {
        throw new ConflictError(`an API token with id ${fixed.id} or the same hash exists`);
      }
    },
    findById,
    async findByHash(hash) {
      checkKeyParts({ hash });
      const id = await redis.get(keys.apiTokenHash(hash));
      return id === null ? null : findById(id);
    },
    async listByUser(userId) {
      checkKeyParts({ userId });
      return listFrom(keys.userApiTokens(userId));
    },
    async listByOrg(orgId) {
      checkKeyParts({ orgId });
      return listFrom(keys.orgApiTokens(orgId));
    },
    async revoke(id, at) {
      checkKeyParts({ id });
      const revokedAt = parseOrThrow(epochMsSchema, at, 'revokedAt');
      return (await API_TOKEN_REVOKE.run(redis, [keys.apiToken(id)], [revokedAt])) === 1;
    },
    async touch(id, at) {
      // Best-effort and never rejects: callers may fire and forget it.
      try {
        const lastUsedAt = parseOrThrow(epochMsSchema, at, 'lastUsedAt');
        await API_TOKEN_TOUCH.run(redis, [keys.apiToken(id)], [lastUsedAt]);
      } catch (error) {
        logger.warn({ err: error, tokenId: id }, 'recording an API token use failed');
      }
    },
  };
}
