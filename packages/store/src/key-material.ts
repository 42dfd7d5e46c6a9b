import type { KeyMaterialStore } from './contract.js';
import { fromJson, toJson } from './json.js';
import { checkKeyParts } from './validation.js';

/** The two primitives a backend provides for key material; the rest is shared. */
export interface KeyMaterialBackend {
  /** The stored JSON text under `name`, or null. */
  read(name: string): Promise<string | null>;
  /** Stores `json` under `name` unless something is stored there already (never overwrites). */
  insertIfAbsent(name: string, json: string): Promise<void>;
}

/**
 * `getOrCreate` over a backend: read; if missing, create, insert-if-absent, and read again so
 * every racer (in any process) returns the one value that won. Callers in this process that
 * ask for the same name while a creation is under way share it instead of creating again.
 */
export function createKeyMaterialStore(backend: KeyMaterialBackend): KeyMaterialStore {
  const inFlight = new Map<string, Promise<string>>();

  async function resolveJson(name: string, create: () => unknown): Promise<string> {
    const stored = await backend.read(name);
    if (stored !== null) return stored;
    await backend.insertIfAbsent(name, toJson(await create()));
    const winner = await backend.read(name);
    if (winner === null)
      throw new Error(`key material "${name}" vanished right after it was stored`);
    return winner;
  }

  return {
    async getOrCreate<T>(name: string, create: () => T | Promise<T>): Promise<T> {
      checkKeyParts({ name });
      let pending = inFlight.get(name);
      if (pending === undefined) {
        pending = resolveJson(name, create).finally(() => inFlight.delete(name));
        inFlight.set(name, pending);
      }
      // Each caller parses its own copy, so one caller's mutation never reaches another.
      return fromJson<T>(await pending);
    },
  };
}
