import type { SettingsStore, VersionedSettings } from '../contract.js';
import { VersionConflictError } from '../errors.js';
import { copyJson, fromJson, toJson } from '../json.js';
import {
  checkKeyParts,
  parseOrThrow,
  settingsValueSchema,
  settingsWriteSchema,
} from '../validation.js';
import type { SqliteDatabase } from './open-database.js';

interface SettingsRow {
  org_id: string;
  version: number;
  value: string;
  updated_at: number;
  updated_by: string | null;
}

function toSettings(row: SettingsRow): VersionedSettings {
  return {
    orgId: row.org_id,
    version: row.version,
    value: fromJson(row.value),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Settings over the `settings` table; compare-and-set inside `BEGIN IMMEDIATE`. */
export function createSqliteSettings(db: SqliteDatabase): SettingsStore {
  const select = db.prepare<[string], SettingsRow>('SELECT * FROM settings WHERE org_id = ?');
  const write = db.prepare(`
    INSERT INTO settings (org_id, version, value, updated_at, updated_by)
    VALUES (@orgId, @version, @value, @updatedAt, @updatedBy)
    ON CONFLICT (org_id) DO UPDATE SET version = excluded.version, value = excluded.value,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`);

  // Read, compare and write under one write lock, so no other process slips in between.
  const compareAndSet = db.transaction((next: VersionedSettings, expectedVersion: number) => {
    const currentVersion = select.get(next.orgId)?.version ?? 0;
    if (currentVersion !== expectedVersion) {
      throw new VersionConflictError(expectedVersion, currentVersion);
    }
    write.run({ ...next, value: toJson(next.value) });
  });

  return {
    async get(orgId) {
      checkKeyParts({ orgId });
      const row = select.get(orgId);
      return row === undefined ? null : toSettings(row);
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
      compareAndSet.immediate(next, expectedVersion);
      return copyJson(next);
    },
  };
}
