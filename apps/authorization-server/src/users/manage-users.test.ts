import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type Store, type StoreEvent, verifyPassword } from '@gatehouse/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, setUserDisabled, UserInputError } from './manage-users.js';

let dir: string;
let store: Store;
const audited: string[] = [];
const deps = () => ({
  store,
  orgId: 'acme',
  audit: async (e: { action: string }) => void audited.push(e.action),
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'users-'));
  store = await createSqliteStore({ dataDir: dir, logger: { warn() {} } });
  audited.length = 0;
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const ada = {
  email: ' Ada@Example.com ',
  name: 'Ada Lovelace',
  role: 'admin' as const,
  password: 'correct horse battery',
};

describe('addUser', () => {
  it('creates a user with a scrypt hash, normalised email, and an audit event', async () => {
    const user = await addUser(deps(), ada);
    expect(user).toMatchObject({
      email: 'ada@example.com',
      role: 'admin',
      orgId: 'acme',
      disabled: false,
    });
    expect(await verifyPassword(ada.password, user.passwordHash)).toBe(true);
    expect(await store.users.findByEmail('ADA@example.com')).toEqual(user);
    expect(audited).toEqual(['user.created']);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email:'],
    [{ name: '  ' }, 'name:'],
    [{ role: 'owner' }, 'role:'],
    [{ password: 'short' }, 'password: use 12'],
  ])('refuses %j, naming the field', async (override, message) => {
    await expect(addUser(deps(), { ...ada, ...override } as typeof ada)).rejects.toThrow(message);
    expect(await store.users.listByOrg('acme')).toEqual([]);
  });

  it('refuses an email that exists', async () => {
    await addUser(deps(), ada);
    await expect(addUser(deps(), ada)).rejects.toBeInstanceOf(UserInputError);
  });
});

describe('setUserDisabled', () => {
  it('disables a user and tells every process, then enables them again', async () => {
    const user = await addUser(deps(), ada);
    const events: StoreEvent[] = [];
    const unsubscribe = store.events.subscribe((event) => events.push(event));
    try {
      expect((await setUserDisabled(deps(), 'ada@example.com', true)).disabled).toBe(true);
      await expect.poll(() => events).toContainEqual({ type: 'user.disabled', userId: user.id });
      expect((await setUserDisabled(deps(), 'ada@example.com', false)).disabled).toBe(false);
      expect(audited).toEqual(['user.created', 'user.disabled', 'user.enabled']);
    } finally {
      unsubscribe();
    }
  });

  it('refuses an unknown email', async () => {
    await expect(setUserDisabled(deps(), 'nobody@example.com', true)).rejects.toThrow('no user');
  });
});
