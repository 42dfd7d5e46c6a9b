import { describe, expect, it } from 'vitest';
import { formString } from './form.js';

describe('formString', () => {
  it.each<[string, unknown, string]>([
    ['a string field', { email: 'alice@example.com' }, 'alice@example.com'],
    ['an empty string', { email: '' }, ''],
    ['a missing field', { password: 'x' }, ''],
    ['a repeated field (array)', { email: ['a@example.com', 'b@example.com'] }, ''],
    ['a nested object', { email: { $ne: '' } }, ''],
    ['no body', undefined, ''],
  ])('%s', (_name, body, expected) => {
    expect(formString(body, 'email')).toBe(expected);
  });
});
