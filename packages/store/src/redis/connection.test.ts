import { describe, expect, it } from 'vitest';
import { redactRedisUrl } from './connection.js';

describe('redactRedisUrl', () => {
  it.each([
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['redis://:s3cret@cache:6379/2', 'redis://:***@cache:6379/2'],
    ['rediss://user:s3cret@cache:6380', 'rediss://user:***@cache:6380'],
    ['not a url', '(unparseable Redis URL)'],
  ])('%s → %s', (url, expected) => {
    expect(redactRedisUrl(url)).toBe(expected);
  });
});
