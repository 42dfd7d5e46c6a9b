import type { KeyMaterialStore } from '@gatehouse/store';
import { describe, expect, it } from 'vitest';
import { INTROSPECTION_SECRET_KEY, loadIntrospectionSecret } from './introspection-secret.js';

/** Key material in memory, recording the names asked for. */
function memoryKeys(): KeyMaterialStore & { names: string[] } {
  const values = new Map<string, unknown>();
  const names: string[] = [];
  return {
    names,
    async getOrCreate<T>(name: string, create: () => T | Promise<T>): Promise<T> {
      names.push(name);
      if (!values.has(name)) values.set(name, await create());
      return values.get(name) as T;
    },
  };
}

describe('loadIntrospectionSecret', () => {
  it('returns the configured secret without touching the key material', async () => {
    const keys = memoryKeys();
    await expect(loadIntrospectionSecret(keys, 'configured-secret')).resolves.toBe(
      'configured-secret',
    );
    expect(keys.names).toEqual([]);
  });

  it('generates one secret under the shared key name and returns it to every caller', async () => {
    const keys = memoryKeys();
    const first = await loadIntrospectionSecret(keys, undefined);
    const second = await loadIntrospectionSecret(keys, undefined);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).toBe(first);
    expect(keys.names).toEqual([INTROSPECTION_SECRET_KEY, INTROSPECTION_SECRET_KEY]);
  });

  it('keeps the key name both apps and existing deployments use', () => {
    expect(INTROSPECTION_SECRET_KEY).toBe('introspection-client-secret');
  });
});
