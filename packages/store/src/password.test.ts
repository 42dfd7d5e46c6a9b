import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('hashPassword and verifyPassword', () => {
  it('verifies the password it hashed, salted differently each time', async () => {
    const first = await hashPassword('demo-password');
    const second = await hashPassword('demo-password');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('demo-password', first)).toBe(true);
    expect(await verifyPassword('demo-passwore', first)).toBe(false);
  });

  it('treats the NFKC forms of a password as the same password', async () => {
    const stored = await hashPassword('ﬁle'); // U+FB01, the "fi" ligature
    expect(await verifyPassword('file', stored)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['a foreign scheme', 'bcrypt$2b$10$abc'],
    ['too few parts', 'scrypt$32768$8$1$c2FsdA'],
    ['a cost above the cap', 'scrypt$2097152$8$1$c2FsdA$a2V5'],
    ['a non-numeric cost', 'scrypt$N$8$1$c2FsdA$a2V5'],
    ['an empty salt', 'scrypt$32768$8$1$$a2V5'],
  ])('returns false, never throws, for %s', async (_, stored) => {
    expect(await verifyPassword('demo-password', stored)).toBe(false);
  });
});
