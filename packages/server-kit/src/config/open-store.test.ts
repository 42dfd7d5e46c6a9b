import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';

describe('openStore', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'server-kit-store-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('opens the embedded store in dataDir when no Redis URL is set', async () => {
    const warnings: string[] = [];
    const store = await openStore(
      { dataDir, redisUrl: undefined, redisKeyPrefix: 'gatehouse:', auditChainKey: undefined },
      { warn: (_context, message) => warnings.push(message) },
    );
    try {
      expect(store.backend).toBe('sqlite');
      await expect(store.ping()).resolves.toBeUndefined();
      expect(warnings).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
