import type { AuditEventInput } from '@gatehouse/store';
import { demoActor } from '@gatehouse/workspace';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/authenticate.js';
import { createToolCallAudit } from './tool-audit.js';

const PRINCIPAL: Principal = {
  actor: demoActor('alice'),
  authMethod: 'oauth',
  scopes: ['read:me'],
  clientId: 'client-1',
  apiTokenId: undefined,
};

/** An audit writer over a fake store and a logger whose lines the test reads. */
function setup(options: { failingStore?: boolean } = {}) {
  const appended: AuditEventInput[] = [];
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const audit = createToolCallAudit({
    audit: {
      append: async (input) => {
        if (options.failingStore === true) throw new Error('store down');
        appended.push(input);
        return { ...input, seq: 1, at: 0, hash: 'h', prevHash: 'p' } as never;
      },
    },
    orgId: 'demo',
    logger,
  });
  return { audit, appended, lines };
}

const record = (tool: string) => ({
  tool,
  outcome: 'denied' as const,
  reason: 'unknown_tool',
  principal: PRINCIPAL,
  ip: '127.0.0.1',
  ms: 0,
});

describe('createToolCallAudit', () => {
  it('writes one audit event and one log line, without arguments or tokens', async () => {
    const { audit, appended, lines } = setup();
    await audit({ ...record('getJiraIssue'), outcome: 'success', reason: undefined });
    expect(appended).toEqual([
      {
        orgId: 'demo',
        action: 'tool.call',
        outcome: 'success',
        actor: 'user-alice',
        clientId: 'client-1',
        ip: '127.0.0.1',
        details: { tool: 'getJiraIssue', authMethod: 'oauth' },
      },
    ]);
    expect(lines).toMatchObject([{ msg: 'tool call', tool: 'getJiraIssue', outcome: 'success' }]);
  });

  it('records an over-long unknown tool name cut to 128 characters and marked, in both', async () => {
    const { audit, appended, lines } = setup();
    await audit(record('a'.repeat(100_000)));
    const expected = `${'a'.repeat(128)}… [truncated, 100000 characters]`;
    expect(appended[0]?.details).toMatchObject({ tool: expected });
    expect(lines[0]).toMatchObject({ tool: expected });
  });

  it('logs a store failure with the bounded name instead of rejecting', async () => {
    const { audit, lines } = setup({ failingStore: true });
    await expect(audit(record('b'.repeat(1000)))).resolves.toBeUndefined();
    const failure = lines.find((line) => line.msg === 'could not write the tool-call audit event');
    expect(failure?.tool).toBe(`${'b'.repeat(128)}… [truncated, 1000 characters]`);
  });
});
