import { describe, expect, it } from 'vitest';
import { RequestError } from './request-error.js';

describe('RequestError', () => {
  it.each<[number, boolean | undefined, boolean]>([
    [400, undefined, true],
    [499, undefined, true],
    [500, undefined, false],
    [503, true, true],
    [401, false, false],
  ])('status %i with expose %s is exposed: %s', (status, expose, exposed) => {
    const error = new RequestError(status, 'code', 'description', { expose });
    expect(error.expose).toBe(exposed);
  });

  it('carries its code, description, retry hint and cause', () => {
    const cause = new Error('root');
    const error = new RequestError(429, 'slow_down', 'Wait.', { retryAfterSeconds: 5, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'RequestError',
      status: 429,
      code: 'slow_down',
      description: 'Wait.',
      message: 'Wait.',
      retryAfterSeconds: 5,
      cause,
    });
  });
});
