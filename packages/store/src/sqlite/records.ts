import type { RecordStore } from '../contract.js';
import { fromJson, toJson } from '../json.js';
import { createKeyMaterialStore } from '../key-material.js';
import { checkKeyParts } from '../validation.js';
import type { SqliteDatabase } from './open-database.js';

/** Workspace records over `records`, counters over `sequences`. */
export function createSqliteRecords(db: SqliteDatabase): RecordStore {
  const get = db.prepare<[string, string], { value: string }>(
    'SELECT value FROM records WHERE kind = ? AND id = ?',
  );
  const put = db.prepare(`
    INSERT INTO records (kind, id, value) VALUES (?, ?, ?)
    ON CONFLICT (kind, id) DO UPDATE SET value = excluded.value`);
  const create = db.prepare('INSERT OR IGNORE INTO records (kind, id, value) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM records WHERE kind = ? AND id = ?');
  const list = db.prepare<[string], { value: string }>(
    'SELECT value FROM records WHERE kind = ? ORDER BY id',
  );
  const next = db.prepare<[string], { value: number }>(`
    INSERT INTO sequences (name, value) VALUES (?, 1)
    ON CONFLICT (name) DO UPDATE SET value = value + 1
    RETURNING value`);

  return {
    async get<T>(kind: string, id: string) {
      checkKeyParts({ kind, id });
      const row = get.get(kind, id);
      return row === undefined ? null : fromJson<T>(row.value);
    },
    async put(kind, id, value) {
      checkKeyParts({ kind, id });
      put.run(kind, id, toJson(value));
    },
    async create(kind, id, value) {
      checkKeyParts({ kind, id });
      return create.run(kind, id, toJson(value)).changes > 0;
    },
    async delete(kind, id) {
      checkKeyParts({ kind, id });
      return remove.run(kind, id).changes > 0;
    },
    async list<T>(kind: string) {
      checkKeyParts({ kind });
      return list.all(kind).map((row) => fromJson<T>(row.value));
    },
    async nextSequence(name) {
      checkKeyParts({ name });
      return (next.get(name) as { value: number }).value;
    },
  };
}

/** Key material over `key_material`: insert-if-absent, so the first writer wins. */
export function createSqliteKeyMaterial(db: SqliteDatabase) {
  const read = db.prepare<[string], { value: string }>(
    'SELECT value FROM key_material WHERE name = ?',
  );
  const insert = db.prepare(
    'INSERT OR IGNORE INTO key_material (name, value, created_at) VALUES (?, ?, ?)',
  );
  return createKeyMaterialStore({
    async read(name) {
      return read.get(name)?.value ?? null;
    },
    async insertIfAbsent(name, json) {
      insert.run(name, json, Date.now());
    },
  });
}
