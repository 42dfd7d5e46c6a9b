import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email.js';

describe('normalizeEmail', () => {
  it.each([
    ['alice@example.com', 'alice@example.com'],
    ['  Alice@Example.COM\t', 'alice@example.com'],
    ['BOB@EXAMPLE.COM', 'bob@example.com'],
    // "é" typed as e + combining accent and as one code point are the same email.
    ['Rene\u0301@example.com', 'ren\u00e9@example.com'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});
