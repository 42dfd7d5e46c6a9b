import { Writable } from 'node:stream';
import type { AuditEvent, AuditEventInput } from '@gatehouse/store';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createAuditWriter } from './audit-writer.js';

/** A pino logger whose lines land in `lines`, parsed. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const input: AuditEventInput = {
  orgId: 'demo',
  action: 'api_token.created',
  outcome: 'success',
  actor: 'user-alice',
  ip: '127.0.0.1',
  details: { tokenId: 'tok_1' },
};

describe('createAuditWriter', () => {
  it('stores the event and emits it as one structured line marked audit: true', async () => {
    const { logger, lines } = capturingLogger();
    const stored = {
      ...input,
      clientId: null,
      at: 5,
      seq: 7,
      prevHash: 'a',
      hash: 'b',
    } as AuditEvent;
    const audit = createAuditWriter({ audit: { append: async () => stored } as never }, logger);
    expect(await audit(input)).toEqual(stored);
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]).toMatchObject({
      audit: true,
      event: { seq: 7, action: 'api_token.created', details: { tokenId: 'tok_1' } },
    });
  });

  it('logs a failed write as an error instead of breaking the caller', async () => {
    const { logger, lines } = capturingLogger();
    const failing = { append: async () => Promise.reject(new Error('disk full')) };
    const audit = createAuditWriter({ audit: failing as never }, logger);
    expect(await audit(input)).toBeUndefined();
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      action: 'api_token.created',
      msg: 'could not write audit event',
    });
    expect(lines[0]?.audit).toBeUndefined();
  });
});
