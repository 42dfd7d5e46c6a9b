import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

/** A logger writing its JSON lines into `lines`. */
function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ level, name: 'test-app' }, sink), lines };
}

describe('createLogger', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['password', { password: 'hunter2' }, { password: '[redacted]' }],
    ['a nested password', { body: { password: 'x' } }, { body: { password: '[redacted]' } }],
    ['a token', { token: 'gat_x' }, { token: '[redacted]' }],
    ['a nested token', { grant: { token: 'x' } }, { grant: { token: '[redacted]' } }],
    ['a client secret', { client_secret: 'x' }, { client_secret: '[redacted]' }],
    [
      'request headers',
      { req: { headers: { authorization: 'Bearer x', cookie: 'sid=1', accept: '*/*' } } },
      { req: { headers: { authorization: '[redacted]', cookie: '[redacted]', accept: '*/*' } } },
    ],
    ['what is not secret', { path: '/token', status: 200 }, { path: '/token', status: 200 }],
  ])('redacts %s', (_name, context, expected) => {
    const { logger, lines } = capture();
    logger.info(context, 'line');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ ...expected, name: 'test-app', msg: 'line' });
  });

  it.each([
    ['info', 2],
    ['warn', 1],
    ['silent', 0],
  ])('at level %s writes %i of an info and a warn line', (level, count) => {
    const { logger, lines } = capture(level);
    logger.info('one');
    logger.warn('two');
    expect(lines).toHaveLength(count);
  });
});
