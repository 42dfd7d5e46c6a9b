import type { KeyObject } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type AuditChainHead, createAuditEvent, EMPTY_CHAIN_HEAD } from '../audit-chain.js';
import {
  type AuditRecord,
  decodeAuditRecord,
  parseStoredJson,
  requireReadable,
} from '../audit-decode.js';
import {
  type AuditQueryPlan,
  matchesAuditQuery,
  planAuditQuery,
  toAuditPage,
} from '../audit-query.js';
import { createAuditReads } from '../audit-scan.js';
import type { AuditEvent, AuditEventInput, AuditPage, AuditStore } from '../contract.js';
import { UnreadableDataError } from '../errors.js';
import { toJson } from '../json.js';
import type { RedisKeys } from './keys.js';
import { AUDIT_APPEND } from './scripts.js';

/** Attempts before an append gives up when other processes keep moving the chain head. */
const APPEND_ATTEMPTS_MAX = 100;
/** Longest random pause between two append attempts: 20 ms. */
const APPEND_BACKOFF_MAX_MS = 20;
/** Index entries read per round trip while filtering a query. */
const QUERY_BATCH_MIN = 100;

const headSchema = z.object({ seq: z.int().nonnegative(), hash: z.string() });

/**
 * The chain head; rejects with `UnreadableDataError` when the head key holds something else
 * (then neither appends nor verification can tell where the chain ends).
 */
async function readHead(
  redis: Redis,
  keys: RedisKeys,
): Promise<{ raw: string | null; head: AuditChainHead }> {
  const raw = await redis.get(keys.auditHead);
  if (raw === null) return { raw, head: EMPTY_CHAIN_HEAD };
  const parsed = headSchema.safeParse(parseStoredJson(raw));
  if (!parsed.success) {
    throw new UnreadableDataError(`the audit chain head (${keys.auditHead}) is unreadable`);
  }
  return { raw, head: parsed.data };
}

/** Decodes the text stored under `audit-event:<seq>`. */
function toRecord(seq: number, text: string): AuditRecord {
  const stored = parseStoredJson(text);
  if (stored === undefined) return { seq, unreadable: 'not JSON' };
  return decodeAuditRecord(seq, stored);
}

function indexFor(keys: RedisKeys, plan: AuditQueryPlan): string {
  if (plan.actor !== undefined) return keys.auditBy('actor', plan.orgId, plan.actor);
  if (plan.action !== undefined) return keys.auditBy('action', plan.orgId, plan.action);
  if (plan.outcome !== undefined) return keys.auditBy('outcome', plan.orgId, plan.outcome);
  return keys.auditByOrg(plan.orgId);
}

/** Walks the most selective index newest first, filtering in Node, until a page is full. */
async function runQuery(redis: Redis, keys: RedisKeys, plan: AuditQueryPlan): Promise<AuditPage> {
  const index = indexFor(keys, plan);
  const batch = Math.max(QUERY_BATCH_MIN, plan.limit + 1);
  const matches: AuditEvent[] = [];
  let max = plan.beforeSeq === null ? '+inf' : `(${plan.beforeSeq}`;
  for (;;) {
    const seqs = await redis.zrange(index, max, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, batch);
    const last = seqs[seqs.length - 1];
    if (last === undefined) break;
    const texts = await redis.mget(seqs.map((seq) => keys.auditEvent(Number(seq))));
    for (const [i, text] of texts.entries()) {
      if (text === null) continue;
      const event = requireReadable(toRecord(Number(seqs[i]), text));
      if (matchesAuditQuery(event, plan)) matches.push(event);
      if (matches.length > plan.limit) return toAuditPage(matches, plan.limit);
    }
    if (seqs.length < batch) break;
    max = `(${last}`;
  }
  return toAuditPage(matches, plan.limit);
}

// Reads up to `size` stored records after `afterSeq`, up to the head; skips over missing ones
// (a deleted event shows up as a gap in verification rather than ending the scan).
async function readBatch(
  redis: Redis,
  keys: RedisKeys,
  afterSeq: number,
  size: number,
): Promise<AuditRecord[]> {
  const { head } = await readHead(redis, keys);
  for (let from = afterSeq; from < head.seq; from += size) {
    const to = Math.min(head.seq, from + size);
    const seqs = Array.from({ length: to - from }, (_, i) => from + 1 + i);
    const texts = await redis.mget(seqs.map((seq) => keys.auditEvent(seq)));
    const records = texts.flatMap((text, i) =>
      text === null ? [] : [toRecord(seqs[i] as number, text)],
    );
    if (records.length > 0) return records;
  }
  return [];
}

/**
 * The audit chain in Redis: a head key, one key per event, and index sorted sets per org and
 * per org and filter value (keys.ts). An append reads the head, builds and hashes the event in
 * Node, and commits with a Lua compare-and-set on the head; when another writer got there
 * first it reads the new head and tries again. Appends from this process are queued one after
 * another so they do not race each other. `chainKey` resolves the store's audit chain key
 * (audit-chain-key.ts).
 */
export function createRedisAudit(
  redis: Redis,
  keys: RedisKeys,
  chainKey: () => Promise<KeyObject>,
): AuditStore {
  let queue: Promise<unknown> = Promise.resolve();

  function indexKeys(event: AuditEvent): string[] {
    const indexes = [
      keys.auditByOrg(event.orgId),
      keys.auditBy('action', event.orgId, event.action),
      keys.auditBy('outcome', event.orgId, event.outcome),
    ];
    if (event.actor !== null) indexes.push(keys.auditBy('actor', event.orgId, event.actor));
    return indexes;
  }

  async function appendNow(input: AuditEventInput): Promise<AuditEvent> {
    const key = await chainKey();
    for (let attempt = 1; attempt <= APPEND_ATTEMPTS_MAX; attempt++) {
      const { raw, head } = await readHead(redis, keys);
      const event = createAuditEvent(input, head, Date.now(), key);
      const appended = await AUDIT_APPEND.run(
        redis,
        [keys.auditHead, keys.auditEvent(event.seq), ...indexKeys(event)],
        [raw ?? '', toJson({ seq: event.seq, hash: event.hash }), toJson(event), event.seq],
      );
      if (appended === 1) return event;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * APPEND_BACKOFF_MAX_MS));
    }
    throw new Error(`audit append lost the race for the chain head ${APPEND_ATTEMPTS_MAX} times`);
  }

  return {
    append(input) {
      const result = queue.then(() => appendNow(input));
      queue = result.catch(() => undefined);
      return result;
    },
    async query(input) {
      return runQuery(redis, keys, planAuditQuery(input));
    },
    ...createAuditReads((afterSeq, size) => readBatch(redis, keys, afterSeq, size), chainKey),
  };
}
