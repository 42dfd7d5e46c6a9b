import { describe, expect, it } from 'vitest';
import { hashTokenValue } from './token-hash.js';

describe('hashTokenValue', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('hashes %j as lower-case hex SHA-256', (token, expected) => {
    expect(hashTokenValue(token)).toBe(expected);
  });

  it('is the shape the store accepts for an API token hash', () => {
    expect(hashTokenValue('gat_example')).toMatch(/^[0-9a-f]{64}$/);
  });
});
