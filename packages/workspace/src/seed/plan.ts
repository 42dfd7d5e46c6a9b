import type { AccessGrants } from '../model/access.js';
import type { CommentRecord } from '../model/jira.js';
import type { SeedComment, SeedGrants } from './data/types.js';
import { DEMO_USERS, type DemoPersona } from './demo-ids.js';

/** One record the seed creates (never overwrites). */
export interface PlannedRecord {
  kind: string;
  id: string;
  value: unknown;
}

/** Everything the seed writes to the `RecordStore`, computed without touching storage. */
export interface SeedPlan {
  records: PlannedRecord[];
  /** Sequences to move forward so new items never reuse a seeded number. */
  sequences: Array<{ name: string; atLeast: number }>;
}

/** Collects records and sequence floors while the seed data is turned into records. */
export class PlanBuilder {
  private readonly records: PlannedRecord[] = [];
  private readonly floors = new Map<string, number>();

  add(kind: string, id: string, value: unknown): void {
    this.records.push({ kind, id, value });
  }

  /** The next number of a sequence, as `nextSequence` would hand it out: 1, 2, ... */
  next(sequence: string): number {
    const value = (this.floors.get(sequence) ?? 0) + 1;
    this.floors.set(sequence, value);
    return value;
  }

  /** Adds comments of one parent under ids from `sequence`. */
  addComments(
    kind: string,
    sequence: string,
    parentId: string,
    comments: readonly SeedComment[] = [],
  ): void {
    for (const comment of comments) {
      const id = String(this.next(sequence));
      const record: CommentRecord = {
        id,
        parentId,
        authorId: userId(comment.author),
        body: comment.body,
        createdAt: time(comment.at),
      };
      this.add(kind, id, record);
    }
  }

  build(): SeedPlan {
    const sequences = [...this.floors].map(([name, atLeast]) => ({ name, atLeast }));
    return { records: [...this.records], sequences };
  }
}

/** Epoch ms for an ISO 8601 string from the seed data. */
export function time(iso: string): number {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`seed data holds an invalid time: ${iso}`);
  return value;
}

export function userId(persona: DemoPersona): string {
  return DEMO_USERS[persona].id;
}

/** Seed grants (by persona) as stored grants (by user id). */
export function grants<Level extends string>(seed: SeedGrants<Level>): AccessGrants<Level> {
  const users: Record<string, Level> = {};
  for (const [persona, level] of Object.entries(seed.users) as Array<[DemoPersona, Level]>) {
    users[userId(persona)] = level;
  }
  return { everyone: seed.everyone, users };
}
