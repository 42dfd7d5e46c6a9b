import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../audit-chain.js';
import type { AuditEvent, AuditEventInput, AuditQuery, Store } from '../contract.js';
import { InvalidArgumentError } from '../errors.js';
import { startStoreChild } from './child-process.js';
import type { ContractContext } from './context.js';

const event = (overrides: Partial<AuditEventInput> = {}): AuditEventInput => ({
  orgId: 'org1',
  action: 'auth.sign_in',
  outcome: 'success',
  actor: 'u1',
  ...overrides,
});

async function collect(store: Store, options?: { afterSeq?: number; batchSize?: number }) {
  const events: AuditEvent[] = [];
  for await (const item of store.audit.scan(options)) events.push(item);
  return events;
}

/** Every page of a query, following cursors. */
async function allPages(store: Store, query: AuditQuery): Promise<AuditEvent[][]> {
  const pages: AuditEvent[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.audit.query({ ...query, ...(cursor ? { cursor } : {}) });
    pages.push(page.events);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return pages;
}

export function describeAuditContract(ctx: ContractContext): void {
  describe('audit log', () => {
    it('appends a chained event with defaults filled in', async () => {
      const before = Date.now();
      const first = await ctx.store.audit.append(event());
      expect(first).toMatchObject({
        seq: 1,
        prevHash: GENESIS_HASH,
        clientId: null,
        ip: null,
        details: {},
        hashAlg: 'hmac-sha256',
      });
      expect(first.at).toBeGreaterThanOrEqual(before);
      expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
      const second = await ctx.store.audit.append(
        event({ clientId: 'c1', ip: '10.0.0.1', details: { scope: ['a'] }, at: 5 }),
      );
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash, at: 5, clientId: 'c1' });
      expect(await collect(ctx.store)).toEqual([first, second]);
      expect(await ctx.store.audit.verify()).toEqual({
        ok: true,
        count: 2,
        head: { seq: 2, hash: second.hash },
        unkeyedCount: 0,
      });
    });

    it('scans from a position in batches', async () => {
      for (let n = 0; n < 7; n++) await ctx.store.audit.append(event({ details: { n } }));
      const seqs = (events: AuditEvent[]) => events.map((item) => item.seq);
      expect(seqs(await collect(ctx.store, { batchSize: 2 }))).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(seqs(await collect(ctx.store, { afterSeq: 4, batchSize: 2 }))).toEqual([5, 6, 7]);
      expect(await collect(ctx.store, { afterSeq: 7 })).toEqual([]);
    });

    it('keeps one gap-free valid chain under concurrent appends from two stores', async () => {
      const other = await ctx.openAnother();
      const appends = Array.from({ length: 60 }, (_, n) =>
        (n % 2 ? other : ctx.store).audit.append(event({ details: { n } })),
      );
      const events = await Promise.all(appends);
      expect(events.map((item) => item.seq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 60 }, (_, n) => n + 1),
      );
      expect(await ctx.store.audit.verify()).toMatchObject({ ok: true, count: 60 });
    });

    it('keeps the chain valid when another OS process appends at the same time', async () => {
      const child = startStoreChild(ctx.harness.childConfig, ['append', '25', 'org1']);
      const mine = Array.from({ length: 25 }, (_, n) =>
        ctx.store.audit.append(event({ details: { n } })),
      );
      await Promise.all(mine);
      await child.line('appended');
      expect(await child.exited).toBe(0);
      expect(await ctx.store.audit.verify()).toMatchObject({ ok: true, count: 50 });
    });

    it('detects an event changed behind the store’s back', async () => {
      for (let n = 0; n < 4; n++) await ctx.store.audit.append(event({ details: { n } }));
      await ctx.harness.tamperAuditEvent(3, { n: 'forged' });
      expect(await ctx.store.audit.verify()).toEqual({
        ok: false,
        seq: 3,
        reason: 'hash_mismatch',
      });
    });

    it('refuses malformed input and leaves the chain as it was', async () => {
      await ctx.store.audit.append(event());
      const bad = event({ outcome: 'maybe' as never });
      await expect(ctx.store.audit.append(bad)).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(await ctx.store.audit.append(event())).toMatchObject({ seq: 2 });
    });

    describeAuditQueries(ctx);
  });
}

function describeAuditQueries(ctx: ContractContext): void {
  async function seed(): Promise<void> {
    const rows: Array<Partial<AuditEventInput>> = [
      { actor: 'u1', action: 'auth.sign_in', outcome: 'success', at: 1_000 },
      { actor: 'u2', action: 'auth.sign_in', outcome: 'failure', at: 2_000 },
      { actor: 'u1', action: 'tool.call', outcome: 'denied', at: 3_000 },
      { actor: null, action: 'auth.sign_in', outcome: 'failure', at: 4_000 },
      { actor: 'u1', action: 'tool.call', outcome: 'success', at: 5_000 },
      { orgId: 'org2', actor: 'u1', action: 'tool.call', outcome: 'success', at: 6_000 },
    ];
    for (const row of rows) await ctx.store.audit.append(event(row));
  }

  it.each<[string, Partial<AuditQuery>, number[]]>([
    ['an org, newest first', {}, [5, 4, 3, 2, 1]],
    ['an actor', { actor: 'u1' }, [5, 3, 1]],
    ['an action', { action: 'auth.sign_in' }, [4, 2, 1]],
    ['an outcome', { outcome: 'failure' }, [4, 2]],
    ['a time window, from inclusive, to exclusive', { from: 2_000, to: 4_000 }, [3, 2]],
    ['all filters at once', { actor: 'u1', action: 'tool.call', outcome: 'success' }, [5]],
    ['nothing matching', { actor: 'nobody' }, []],
  ])('queries by %s', async (_, filters, seqs) => {
    await seed();
    const page = await ctx.store.audit.query({ orgId: 'org1', ...filters });
    expect(page.events.map((item) => item.seq)).toEqual(seqs);
    expect(page.nextCursor).toBeUndefined();
  });

  it('pages with cursors, each event exactly once', async () => {
    await seed();
    const pages = await allPages(ctx.store, { orgId: 'org1', limit: 2 });
    expect(pages.map((page) => page.map((item) => item.seq))).toEqual([[5, 4], [3, 2], [1]]);
    const filtered = await allPages(ctx.store, { orgId: 'org1', actor: 'u1', limit: 1 });
    expect(filtered.map((page) => page.map((item) => item.seq))).toEqual([[5], [3], [1]]);
  });

  it.each<[string, Partial<AuditQuery>]>([
    ['a limit of 0', { limit: 0 }],
    ['a limit above 500', { limit: 501 }],
    ['a cursor the store did not issue', { cursor: 'bm90LWEtY3Vyc29y' }],
  ])('refuses %s', async (_, bad) => {
    await expect(ctx.store.audit.query({ orgId: 'org1', ...bad })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
  });
}
