import { hashPassword, type RecordStore, type UserStore } from '@gatehouse/store';
import { invalidInput } from '../core/errors.js';
import { KINDS } from '../model/kinds.js';
import { planConfluence } from './build-confluence.js';
import { planJira } from './build-jira.js';
import { planBitbucket, planCompass, planServiceDesk } from './build-others.js';
import { DEMO_ORG_ID, DEMO_USERS, SEED_VERSION } from './demo-ids.js';
import { PlanBuilder, type SeedPlan } from './plan.js';

/** Record id of the marker, under kind `workspace.meta`. */
export const SEED_MARKER_ID = 'seed';

/** What the marker record holds. */
export interface SeedMarker {
  version: number;
  /** Epoch ms of the run that wrote it. */
  seededAt: number;
}

export interface SeedOptions {
  /** Password of every demo user (hashed with `hashPassword`). Dev mode only. */
  password: string;
  /** Clock in epoch ms for user creation and the marker. Default `Date.now`. */
  now?: () => number;
}

export interface SeedResult {
  /** False when the store already held this seed version, so nothing was written. */
  seeded: boolean;
  version: number;
}

/** Every workspace record of the demo org, computed without storage. */
export function buildSeedPlan(): SeedPlan {
  const plan = new PlanBuilder();
  planJira(plan);
  planConfluence(plan);
  planServiceDesk(plan);
  planBitbucket(plan);
  planCompass(plan);
  return plan.build();
}

/**
 * Seeds the demo org: users alice, bob and carol and the workspace data. Idempotent: a store
 * whose marker holds `SEED_VERSION` is left alone; otherwise records are created only where
 * absent (never overwritten), existing users keep their password, and sequences move past the
 * seeded numbers. Safe to run from several processes at once.
 */
export async function seedDemoOrg(
  deps: { records: RecordStore; users: UserStore },
  options: SeedOptions,
): Promise<SeedResult> {
  if (!options.password) throw invalidInput('password', 'password: must not be empty.');
  const now = options.now ?? Date.now;
  const marker = await deps.records.get<SeedMarker>(KINDS.meta, SEED_MARKER_ID);
  if (marker && marker.version >= SEED_VERSION) return { seeded: false, version: marker.version };
  await seedUsers(deps.users, options.password, now());
  const plan = buildSeedPlan();
  for (const record of plan.records)
    await deps.records.create(record.kind, record.id, record.value);
  for (const { name, atLeast } of plan.sequences)
    await advanceSequence(deps.records, name, atLeast);
  const written: SeedMarker = { version: SEED_VERSION, seededAt: now() };
  await deps.records.put(KINDS.meta, SEED_MARKER_ID, written);
  return { seeded: true, version: SEED_VERSION };
}

async function seedUsers(users: UserStore, password: string, createdAt: number): Promise<void> {
  for (const demo of Object.values(DEMO_USERS)) {
    if ((await users.findById(demo.id)) || (await users.findByEmail(demo.email))) continue;
    await users.put({
      id: demo.id,
      orgId: DEMO_ORG_ID,
      email: demo.email,
      name: demo.name,
      role: demo.role,
      passwordHash: await hashPassword(password),
      createdAt,
      disabled: false,
    });
  }
}

/** Draws from a sequence until it has handed out at least `atLeast`. */
async function advanceSequence(records: RecordStore, name: string, atLeast: number) {
  while ((await records.nextSequence(name)) < atLeast) {
    // Each call moves the counter by one; the loop ends once the seeded numbers are used up.
  }
}
