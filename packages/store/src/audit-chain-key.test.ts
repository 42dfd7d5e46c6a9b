import { describe, expect, it } from 'vitest';
import {
  createAuditChainKeySource,
  GENERATED_AUDIT_CHAIN_KEY_NAME,
  isAuditChainKey,
  parseAuditChainKey,
} from './audit-chain-key.js';
import type { KeyMaterialStore } from './contract.js';
import { InvalidArgumentError } from './errors.js';

const bytes = (n: number) => Buffer.alloc(n, 0xab);

describe('isAuditChainKey', () => {
  it.each([
    ['32 bytes of base64url', bytes(32).toString('base64url'), true],
    ['64 bytes of base64url', bytes(64).toString('base64url'), true],
    ['base64url with = padding', `${bytes(32).toString('base64url')}=`, true],
    ['64 hex digits (read as base64url, 48 bytes)', 'ab'.repeat(32), true],
    ['31 bytes', bytes(31).toString('base64url'), false],
    ['plain base64 with + and /', `${'+/'.repeat(22)}`, false],
    ['an empty string', '', false],
    ['a passphrase with spaces', 'correct horse battery staple and more words here', false],
  ])('%s: %s', (_, text, expected) => {
    expect(isAuditChainKey(text)).toBe(expected);
  });
});

describe('parseAuditChainKey', () => {
  it('gives a 32-byte secret key for 43 base64url characters', () => {
    expect(parseAuditChainKey(bytes(32).toString('base64url')).symmetricKeySize).toBe(32);
  });

  it.each([
    ['too short', bytes(16).toString('base64url'), 'at least 32 bytes (it decodes to 16)'],
    ['not base64url', 'a/b+'.repeat(16), 'must be base64url'],
  ])('refuses a key %s, saying why', (_, text, message) => {
    expect(() => parseAuditChainKey(text)).toThrow(InvalidArgumentError);
    expect(() => parseAuditChainKey(text)).toThrow(message);
  });
});

/** Key material in memory that counts lookups and can be told to fail once. */
function memoryKeys(options: { failFirst?: boolean } = {}) {
  const stored = new Map<string, unknown>();
  let calls = 0;
  const keys: KeyMaterialStore = {
    async getOrCreate<T>(name: string, create: () => T | Promise<T>): Promise<T> {
      calls++;
      if (options.failFirst && calls === 1) throw new Error('backend down');
      if (!stored.has(name)) stored.set(name, await create());
      return stored.get(name) as T;
    },
  };
  return { keys, stored, calls: () => calls };
}

describe('createAuditChainKeySource', () => {
  it('uses the configured key and stores nothing', async () => {
    const memory = memoryKeys();
    const configured = parseAuditChainKey(bytes(32).toString('base64url'));
    const source = createAuditChainKeySource(configured, memory.keys);
    expect(await source()).toBe(configured);
    expect(memory.calls()).toBe(0);
  });

  it('generates a key once, keeps it in key material and reuses it', async () => {
    const memory = memoryKeys();
    const source = createAuditChainKeySource(undefined, memory.keys);
    const [first, second] = await Promise.all([source(), source()]);
    expect(first?.symmetricKeySize).toBe(32);
    expect(second).toBe(first);
    expect(memory.calls()).toBe(1);
    const text = memory.stored.get(GENERATED_AUDIT_CHAIN_KEY_NAME) as string;
    expect(isAuditChainKey(text)).toBe(true);
    const again = await createAuditChainKeySource(undefined, memory.keys)();
    expect(again.export().equals(first?.export() as Buffer)).toBe(true);
  });

  it('tries again after a failed lookup instead of remembering the failure', async () => {
    const memory = memoryKeys({ failFirst: true });
    const source = createAuditChainKeySource(undefined, memory.keys);
    await expect(source()).rejects.toThrow('backend down');
    expect((await source()).symmetricKeySize).toBe(32);
  });
});
