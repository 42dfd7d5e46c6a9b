import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreOpenError } from '../errors.js';
import { openSqliteDatabase } from './open-database.js';
import { SCHEMA_VERSION } from './schema.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatehouse-sqlite-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openSqliteDatabase', () => {
  it('creates the schema once, in WAL mode with a busy timeout and foreign keys', () => {
    const file = join(dir, 'g.db');
    const first = openSqliteDatabase(file);
    first.prepare("INSERT INTO records (kind, id, value) VALUES ('k', 'i', '1')").run();
    first.close();
    const again = openSqliteDatabase(file);
    try {
      expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(again.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      expect(again.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(again.prepare('SELECT value FROM records').get()).toEqual({ value: '1' });
    } finally {
      again.close();
    }
  });

  it('refuses a database written by a newer schema', () => {
    const file = join(dir, 'g.db');
    const db = openSqliteDatabase(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteDatabase(file)).toThrow(StoreOpenError);
    expect(() => openSqliteDatabase(file)).toThrow(/newer than this code supports/);
  });
});
