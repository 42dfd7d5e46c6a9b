import { ConflictError, type RecordStore, type User, type UserStore } from '@gatehouse/store';

/** Values cross the store boundary as copies, as every backend serialises them. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * An in-memory `RecordStore` that keeps the contract of `@gatehouse/store` exactly: copies in
 * and out, `create` refuses existing ids, `list` orders by id, sequences start at 1. For tests
 * only; nothing survives the process.
 */
export function createMemoryRecordStore(): RecordStore {
  const kinds = new Map<string, Map<string, unknown>>();
  const sequences = new Map<string, number>();
  const kind = (name: string) => {
    const existing = kinds.get(name);
    if (existing) return existing;
    const created = new Map<string, unknown>();
    kinds.set(name, created);
    return created;
  };
  return {
    async get<T>(name: string, id: string) {
      const records = kind(name);
      return records.has(id) ? copy(records.get(id) as T) : null;
    },
    async put<T>(name: string, id: string, value: T) {
      kind(name).set(id, copy(value));
    },
    async create<T>(name: string, id: string, value: T) {
      const records = kind(name);
      if (records.has(id)) return false;
      records.set(id, copy(value));
      return true;
    },
    async delete(name: string, id: string) {
      return kind(name).delete(id);
    },
    async list<T>(name: string) {
      return [...kind(name)]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, value]) => copy(value as T));
    },
    async nextSequence(name: string) {
      const next = (sequences.get(name) ?? 0) + 1;
      sequences.set(name, next);
      return next;
    },
  };
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * An in-memory `UserStore` that keeps the contract: emails stored lower-cased and trimmed,
 * unique across the store (`ConflictError` otherwise), copies in and out. For tests only.
 */
export function createMemoryUserStore(): UserStore {
  const users = new Map<string, User>();
  const byEmail = (email: string) =>
    [...users.values()].find((user) => user.email === normaliseEmail(email)) ?? null;
  return {
    async put(user: User) {
      const owner = byEmail(user.email);
      if (owner && owner.id !== user.id) {
        throw new ConflictError(`email ${normaliseEmail(user.email)} belongs to another user`);
      }
      users.set(user.id, copy({ ...user, email: normaliseEmail(user.email) }));
    },
    async findById(id: string) {
      const user = users.get(id);
      return user ? copy(user) : null;
    },
    async findByEmail(email: string) {
      const user = byEmail(email);
      return user ? copy(user) : null;
    },
    async listByOrg(orgId: string) {
      return [...users.values()].filter((user) => user.orgId === orgId).map(copy);
    },
  };
}
