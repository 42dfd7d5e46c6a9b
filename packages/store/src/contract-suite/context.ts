import { afterEach, beforeEach } from 'vitest';
import type { AuditEvent, Store } from '../contract.js';

/** An audit event as a backend stores it; events stored before keying have no `hashAlg`. */
export type StoredAuditEvent = Omit<AuditEvent, 'hashAlg'> & Partial<Pick<AuditEvent, 'hashAlg'>>;

/** How a child process (test/fixtures/store-child.mjs) opens the same storage as the test. */
export type ChildStoreConfig =
  | { backend: 'sqlite'; file: string }
  | { backend: 'redis'; url: string; keyPrefix: string };

/** Ways to make a stored audit event undecodable, behind the store's back. */
export type AuditCorruption =
  /** The stored event (Redis) or its `details` column (SQLite) is not JSON. */
  | 'not_json'
  /** A field is missing (Redis) or holds a value of the wrong type (SQLite: `at` as text). */
  | 'bad_field';

/** What the contract suite needs from a backend; one harness per test, on fresh storage. */
export interface StoreHarness {
  /** Opens a store on this harness's storage; every call opens the same storage. */
  open(options?: { auditChainKey?: string }): Promise<Store>;
  /** Rewrites one stored audit event's `details` behind the store's back. */
  tamperAuditEvent(seq: number, details: Record<string, unknown>): Promise<void>;
  /** Makes one stored audit event undecodable behind the store's back. */
  corruptAuditEvent(seq: number, corruption: AuditCorruption): Promise<void>;
  /**
   * Stores audit events exactly as given (a missing `hashAlg` stays missing, as in events
   * written before keying), replacing any at the same `seq`, and moves the chain head to the
   * last one when it is at or past the head. Query indexes are not maintained.
   */
  writeAuditEventsRaw(events: ReadonlyArray<StoredAuditEvent>): Promise<void>;
  /** Deletes every audit event after `lastSeq` and moves the head back to it, covering tracks. */
  truncateAuditChain(lastSeq: number): Promise<void>;
  /** Messages the harness's stores logged through their `StoreLogger`. */
  readonly warnings: string[];
  /** How a second OS process opens this storage. */
  readonly childConfig: ChildStoreConfig;
  /** Removes everything this harness created (temp directory, keys under its prefix). */
  dispose(): Promise<void>;
}

export type StoreHarnessFactory = () => Promise<StoreHarness>;

/** The per-test state every part of the suite reads. */
export interface ContractContext {
  /** The store opened for the current test. */
  readonly store: Store;
  readonly harness: StoreHarness;
  /** Opens another store on the same storage (like a second process would); closed after the test. */
  openAnother(options?: { auditChainKey?: string }): Promise<Store>;
}

/** Registers the hooks that give each test a fresh harness and store, and clean up after it. */
export function useContractContext(createHarness: StoreHarnessFactory): ContractContext {
  let harness: StoreHarness | undefined;
  let store: Store | undefined;
  const others: Store[] = [];

  beforeEach(async () => {
    harness = await createHarness();
    store = await harness.open();
  });
  afterEach(async () => {
    await Promise.all([store, ...others].map((opened) => opened?.close()));
    others.length = 0;
    await harness?.dispose();
    store = undefined;
    harness = undefined;
  });

  return {
    get store() {
      if (store === undefined) throw new Error('no store outside a test');
      return store;
    },
    get harness() {
      if (harness === undefined) throw new Error('no harness outside a test');
      return harness;
    },
    async openAnother(options) {
      if (harness === undefined) throw new Error('no harness outside a test');
      const another = await harness.open(options);
      others.push(another);
      return another;
    },
  };
}
