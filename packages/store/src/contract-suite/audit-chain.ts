import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeAuditHash, EMPTY_CHAIN_HEAD } from '../audit-chain.js';
import { GENERATED_AUDIT_CHAIN_KEY_NAME } from '../audit-chain-key.js';
import { verifyAuditChain } from '../audit-verify.js';
import type { AuditEvent, AuditEventInput, Store } from '../contract.js';
import { UnreadableDataError } from '../errors.js';
import type { AuditCorruption, ContractContext } from './context.js';

const KEY = randomBytes(32).toString('base64url');
const OTHER_KEY = randomBytes(32).toString('base64url');

const input = (n: number): AuditEventInput => ({
  orgId: 'org1',
  action: 'auth.sign_in',
  outcome: 'success',
  actor: 'u1',
  details: { n },
});

async function appendMany(store: Store, count: number): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (let n = 0; n < count; n++) events.push(await store.audit.append(input(n)));
  return events;
}

async function collect(store: Store): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for await (const event of store.audit.scan()) events.push(event);
  return events;
}

/** Events as stored before the chain was keyed: plain SHA-256 and no `hashAlg` field. */
function legacyChain(count: number): Array<Omit<AuditEvent, 'hashAlg'>> {
  const events: Array<Omit<AuditEvent, 'hashAlg'>> = [];
  let head = EMPTY_CHAIN_HEAD;
  for (let n = 0; n < count; n++) {
    const content = { ...input(n), seq: head.seq + 1, prevHash: head.hash, clientId: null };
    const full = { ...content, ip: null, details: { n }, at: 1_000 + n };
    const hash = computeAuditHash({ ...full, hashAlg: 'sha256' });
    events.push({ ...full, hash });
    head = { seq: full.seq, hash };
  }
  return events;
}

/**
 * What someone with write access but without the key would do: change event `seq` and make
 * every hash from there consistent again, keyed with a key of their own or relabelled unkeyed.
 */
function forgeFrom(events: AuditEvent[], seq: number, as: 'own_key' | 'unkeyed'): AuditEvent[] {
  const forgerKey = createSecretKey(randomBytes(32));
  const forged: AuditEvent[] = [];
  let prevHash = events[seq - 2]?.hash ?? EMPTY_CHAIN_HEAD.hash;
  for (const event of events.slice(seq - 1)) {
    const changed = event.seq === seq ? { ...event, actor: 'mallory' } : event;
    const hashAlg = as === 'own_key' ? 'hmac-sha256' : 'sha256';
    const { hash: _, ...content } = { ...changed, prevHash, hashAlg } as const;
    const hash = computeAuditHash(content, forgerKey);
    forged.push({ ...content, hash });
    prevHash = hash;
  }
  return forged;
}

export function describeAuditChainContract(ctx: ContractContext): void {
  describe('audit chain key and verification', () => {
    describeKeys(ctx);
    describeTampering(ctx);
  });
}

function describeKeys(ctx: ContractContext): void {
  it('keys events with the configured key and keeps no key of its own', async () => {
    const store = await ctx.openAnother({ auditChainKey: KEY });
    await appendMany(store, 3);
    expect(await store.audit.verify()).toMatchObject({ ok: true, count: 3, unkeyedCount: 0 });
    expect(await verifyAuditChain(store.audit.scan(), { key: KEY })).toMatchObject({ ok: true });
    expect(await store.keys.getOrCreate(GENERATED_AUDIT_CHAIN_KEY_NAME, () => 'none')).toBe('none');
    const otherKey = await ctx.openAnother({ auditChainKey: OTHER_KEY });
    expect(await otherKey.audit.verify()).toEqual({ ok: false, seq: 1, reason: 'hash_mismatch' });
  });

  it('generates one key, kept in key material, for every store without a configured one', async () => {
    const other = await ctx.openAnother();
    await appendMany(ctx.store, 2);
    await appendMany(other, 2);
    expect(await other.audit.verify()).toMatchObject({ ok: true, count: 4 });
    const generated = await ctx.store.keys.getOrCreate(GENERATED_AUDIT_CHAIN_KEY_NAME, () => '');
    expect(generated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await verifyAuditChain(other.audit.scan(), { key: generated })).toMatchObject({
      ok: true,
    });
  });

  it('verifies a chain written before keying and keyed from then on', async () => {
    const legacy = legacyChain(3);
    await ctx.harness.writeAuditEventsRaw(legacy);
    const store = await ctx.openAnother({ auditChainKey: KEY });
    const [fourth] = await appendMany(store, 2);
    expect(fourth).toMatchObject({ seq: 4, prevHash: legacy[2]?.hash, hashAlg: 'hmac-sha256' });
    const events = await collect(store);
    expect(events.map((event) => event.hashAlg)).toEqual([
      'sha256',
      'sha256',
      'sha256',
      'hmac-sha256',
      'hmac-sha256',
    ]);
    expect(await store.audit.verify()).toMatchObject({ ok: true, count: 5, unkeyedCount: 3 });
    expect(await store.audit.verify({ requireKeyed: true })).toEqual({
      ok: false,
      seq: 1,
      reason: 'unkeyed',
    });
  });
}

function describeTampering(ctx: ContractContext): void {
  it.each<[string, 'own_key' | 'unkeyed', string]>([
    ['keyed with the forger’s own key', 'own_key', 'hash_mismatch'],
    ['relabelled unkeyed', 'unkeyed', 'unkeyed'],
  ])('detects an event rewritten and every later hash recomputed, %s', async (_, as, reason) => {
    const events = await appendMany(ctx.store, 5);
    await ctx.harness.writeAuditEventsRaw(forgeFrom(events, 2, as));
    expect(await ctx.store.audit.verify()).toEqual({ ok: false, seq: 2, reason });
  });

  it.each<[AuditCorruption]>([['not_json'], ['bad_field']])(
    'reports an unreadable row (%s) at its seq instead of failing',
    async (corruption) => {
      await appendMany(ctx.store, 4);
      await ctx.harness.corruptAuditEvent(2, corruption);
      expect(await ctx.store.audit.verify()).toEqual({
        ok: false,
        seq: 2,
        reason: 'unreadable',
        detail: expect.any(String),
      });
      await expect(collect(ctx.store)).rejects.toBeInstanceOf(UnreadableDataError);
      await expect(ctx.store.audit.query({ orgId: 'org1' })).rejects.toThrow(
        'audit event 2 is unreadable',
      );
    },
  );

  it('notices deleted newest events against an expected head, also once the chain grew again', async () => {
    const events = await appendMany(ctx.store, 5);
    const expectHead = { seq: 5, hash: events[4]?.hash as string };
    await ctx.harness.truncateAuditChain(3);
    const end = { seq: 3, hash: events[2]?.hash };
    expect(await ctx.store.audit.verify()).toMatchObject({ ok: true, count: 3, head: end });
    expect(await ctx.store.audit.verify({ expectHead })).toEqual({
      ok: false,
      seq: 5,
      reason: 'truncated',
      expected: expectHead,
      end,
      foundHash: null,
    });
    const [, fifth, sixth] = await appendMany(ctx.store, 3);
    expect(await ctx.store.audit.verify({ expectHead })).toMatchObject({
      reason: 'truncated',
      end: { seq: 6, hash: sixth?.hash },
      foundHash: fifth?.hash,
    });
  });
}
