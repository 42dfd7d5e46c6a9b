import { ConflictError, type User } from '@gatehouse/store';
import { describe, expect, it } from 'vitest';
import { createMemoryRecordStore, createMemoryUserStore } from './memory-records.js';

describe('createMemoryRecordStore keeps the RecordStore contract', () => {
  it('copies values in and out', async () => {
    const store = createMemoryRecordStore();
    const value = { n: 1, tags: ['a'] };
    await store.put('k', 'x', value);
    value.tags.push('b');
    const read = await store.get<typeof value>('k', 'x');
    expect(read).toEqual({ n: 1, tags: ['a'] });
    read?.tags.push('c');
    expect(await store.get('k', 'x')).toEqual({ n: 1, tags: ['a'] });
  });

  it('creates only when the id is free, and deletes', async () => {
    const store = createMemoryRecordStore();
    expect(await store.create('k', 'x', 1)).toBe(true);
    expect(await store.create('k', 'x', 2)).toBe(false);
    expect(await store.get('k', 'x')).toBe(1);
    expect(await store.delete('k', 'x')).toBe(true);
    expect(await store.delete('k', 'x')).toBe(false);
    expect(await store.get('k', 'x')).toBeNull();
  });

  it('lists one kind ordered by id', async () => {
    const store = createMemoryRecordStore();
    for (const id of ['b', 'a', 'c']) await store.put('k', id, id);
    await store.put('other', 'z', 'z');
    expect(await store.list('k')).toEqual(['a', 'b', 'c']);
    expect(await store.list('none')).toEqual([]);
  });

  it('counts each sequence from 1', async () => {
    const store = createMemoryRecordStore();
    expect([await store.nextSequence('a'), await store.nextSequence('a')]).toEqual([1, 2]);
    expect(await store.nextSequence('b')).toBe(1);
  });
});

describe('createMemoryUserStore keeps the UserStore contract', () => {
  const user = (id: string, email: string): User => ({
    id,
    orgId: 'demo',
    email,
    name: id,
    role: 'member',
    passwordHash: 'scrypt$x',
    createdAt: 0,
    disabled: false,
  });

  it('stores emails trimmed and lower-cased and finds them in any case', async () => {
    const store = createMemoryUserStore();
    await store.put(user('u1', '  Dana@Example.COM '));
    expect((await store.findById('u1'))?.email).toBe('dana@example.com');
    expect((await store.findByEmail('DANA@example.com'))?.id).toBe('u1');
    expect(await store.findByEmail('nobody@example.com')).toBeNull();
  });

  it('refuses an email another user owns, but lets a user keep theirs', async () => {
    const store = createMemoryUserStore();
    await store.put(user('u1', 'dana@example.com'));
    await expect(store.put(user('u2', 'DANA@example.com'))).rejects.toBeInstanceOf(ConflictError);
    await expect(store.put({ ...user('u1', 'dana@example.com'), name: 'Dana' })).resolves.toBe(
      undefined,
    );
    expect((await store.listByOrg('demo')).map((u) => u.name)).toEqual(['Dana']);
    expect(await store.listByOrg('other')).toEqual([]);
  });
});
