import { afterEach, beforeEach } from 'vitest';
import type { Store } from '../contract.js';

/** How a child process (test/fixtures/store-child.mjs) opens the same storage as the test. */
export type ChildStoreConfig =
  | { backend: 'sqlite'; file: string }
  | { backend: 'redis'; url: string; keyPrefix: string };

/** What the contract suite needs from a backend; one harness per test, on fresh storage. */
export interface StoreHarness {
  /** Opens a store on this harness's storage; every call opens the same storage. */
  open(): Promise<Store>;
  /** Rewrites one stored audit event's `details` behind the store's back. */
  tamperAuditEvent(seq: number, details: Record<string, unknown>): Promise<void>;
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
  openAnother(): Promise<Store>;
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
    async openAnother() {
      if (harness === undefined) throw new Error('no harness outside a test');
      const another = await harness.open();
      others.push(another);
      return another;
    },
  };
}
