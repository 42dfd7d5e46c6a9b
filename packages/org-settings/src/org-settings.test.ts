import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ORG_SETTINGS } from '@gatehouse/policy';
import { createSqliteStore, type Store } from '@gatehouse/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrgSettingsReader } from './org-settings-reader.js';
import { writeOrgSettings } from './write-org-settings.js';

const quiet = { warn() {}, error() {} };
let dir: string;
let store: Store;
let other: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'org-settings-'));
  store = await createSqliteStore({ dataDir: dir, logger: quiet });
  other = await createSqliteStore({ dataDir: dir, logger: quiet });
});

afterEach(async () => {
  await store.close();
  await other.close();
  await rm(dir, { recursive: true, force: true });
});

describe('writeOrgSettings', () => {
  it('writes version 1 over nothing and reports the changed fields', async () => {
    const result = await writeOrgSettings(
      store,
      'demo',
      { apiTokenAuthEnabled: true },
      { expectedVersion: 0, actor: 'alice' },
    );
    expect(result).toMatchObject({ ok: true, version: 1 });
    if (result.ok) {
      expect(result.settings.apiTokenAuthEnabled).toBe(true);
      expect(result.changes).toEqual([
        { field: 'apiTokenAuthEnabled', oldValue: false, newValue: true },
      ]);
    }
  });

  it('refuses a stale version and names the current one', async () => {
    await writeOrgSettings(store, 'demo', {}, { expectedVersion: 0, actor: 'alice' });
    const second = await writeOrgSettings(
      store,
      'demo',
      { toolListingMode: 'grantable' },
      { expectedVersion: 0, actor: 'bob' },
    );
    expect(second).toEqual({ ok: false, reason: 'conflict', currentVersion: 1 });
  });

  it('refuses invalid settings, naming the field, and writes nothing', async () => {
    const result = await writeOrgSettings(
      store,
      'demo',
      { tokenLifetimes: { accessTokenSeconds: 5 } },
      { expectedVersion: 0, actor: 'alice' },
    );
    expect(result.ok).toBe(false);
    if (!result.ok && result.reason === 'invalid') {
      expect(result.errors[0]?.field).toBe('tokenLifetimes.accessTokenSeconds');
    }
    expect(await store.settings.get('demo')).toBeNull();
  });
});

describe('createOrgSettingsReader', () => {
  it('starts from the defaults and follows a write made through another store instance', async () => {
    const reader = await createOrgSettingsReader(store, 'demo', quiet);
    try {
      expect(reader.current()).toEqual(DEFAULT_ORG_SETTINGS);
      expect(reader.version()).toBe(0);
      const changed = new Promise<number>((resolve) =>
        reader.onChange((_s, version) => resolve(version)),
      );
      await writeOrgSettings(
        other,
        'demo',
        { apiTokenAuthEnabled: true },
        { expectedVersion: 0, actor: 'alice' },
      );
      expect(await changed).toBe(1);
      expect(reader.current().apiTokenAuthEnabled).toBe(true);
    } finally {
      reader.close();
    }
  });
});
