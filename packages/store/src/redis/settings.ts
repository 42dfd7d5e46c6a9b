import type { Redis } from 'ioredis';
import type { SettingsStore, VersionedSettings } from '../contract.js';
import { VersionConflictError } from '../errors.js';
import { copyJson, fromJson, toJson } from '../json.js';
import {
  checkKeyParts,
  parseOrThrow,
  settingsValueSchema,
  settingsWriteSchema,
} from '../validation.js';
import type { RedisKeys } from './keys.js';
import { SETTINGS_CAS } from './scripts.js';

/** Settings as a hash `{ version, doc }`; compare-and-set in one Lua script. */
export function createRedisSettings(redis: Redis, keys: RedisKeys): SettingsStore {
  return {
    async get(orgId) {
      checkKeyParts({ orgId });
      const doc = await redis.hget(keys.settings(orgId), 'doc');
      return doc === null ? null : fromJson<VersionedSettings>(doc);
    },
    async put(orgId, value, options) {
      checkKeyParts({ orgId });
      const valid = parseOrThrow(settingsValueSchema, value, 'settings value');
      const { expectedVersion, actor } = parseOrThrow(settingsWriteSchema, options, 'options');
      const next: VersionedSettings = {
        orgId,
        version: expectedVersion + 1,
        value: copyJson(valid),
        updatedAt: Date.now(),
        updatedBy: actor,
      };
      const [written, version] = (await SETTINGS_CAS.run(
        redis,
        [keys.settings(orgId)],
        [expectedVersion, toJson(next)],
      )) as [number, number];
      if (written !== 1) throw new VersionConflictError(expectedVersion, version);
      return copyJson(next);
    },
  };
}
