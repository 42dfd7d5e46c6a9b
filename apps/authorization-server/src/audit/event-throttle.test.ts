import { describe, expect, it } from 'vitest';
import { createEventThrottle } from './event-throttle.js';

describe('createEventThrottle', () => {
  it.each([
    ['the first time', [0], [true]],
    ['again within the interval', [0, 59_999], [true, false]],
    ['again once the interval has passed', [0, 60_000], [true, true]],
    [
      'counting from the last one let through',
      [0, 30_000, 60_000, 90_000],
      [true, false, true, false],
    ],
  ])('lets a key through %s', (_name, times, expected) => {
    let clock = 0;
    const throttle = createEventThrottle({ intervalMs: 60_000, now: () => clock });
    const results = times.map((at) => {
      clock = at;
      return throttle.shouldRecord('token-1');
    });
    expect(results).toEqual(expected);
  });

  it('keeps keys apart', () => {
    const throttle = createEventThrottle({ intervalMs: 60_000, now: () => 0 });
    expect([
      throttle.shouldRecord('a'),
      throttle.shouldRecord('b'),
      throttle.shouldRecord('a'),
    ]).toEqual([true, true, false]);
  });
});
