import type { PageRecord, SpaceRecord } from '../model/confluence.js';
import { KINDS, SEQUENCES } from '../model/kinds.js';
import { ENG_PAGES } from './data/pages-eng.js';
import { FIN_PAGES } from './data/pages-fin.js';
import { TEAM_PAGES } from './data/pages-team.js';
import { SEED_SPACES } from './data/spaces.js';
import type { SeedPage } from './data/types.js';
import { grants, type PlanBuilder, time, userId } from './plan.js';

const PAGES_BY_SPACE: Record<string, SeedPage[]> = {
  ENG: ENG_PAGES,
  TEAM: TEAM_PAGES,
  FIN: FIN_PAGES,
};

function pageRecord(
  plan: PlanBuilder,
  spaceKey: string,
  seed: SeedPage,
  idsByTitle: Map<string, string>,
): PageRecord {
  const parentId = seed.parent === undefined ? null : idsByTitle.get(seed.parent);
  if (parentId === undefined) {
    throw new Error(`seed page "${seed.title}" names an unknown parent "${seed.parent}"`);
  }
  const author = userId(seed.author);
  return {
    id: String(plan.next(SEQUENCES.page)),
    spaceKey,
    title: seed.title,
    body: seed.body,
    parentId,
    version: seed.version ?? 1,
    restrictions: {
      view: (seed.restrictions?.view ?? []).map(userId),
      edit: (seed.restrictions?.edit ?? []).map(userId),
    },
    createdBy: author,
    createdAt: time(seed.created),
    updatedBy: author,
    updatedAt: time(seed.updated ?? seed.created),
  };
}

/** Spaces and their pages; page ids run in data order across spaces. */
export function planConfluence(plan: PlanBuilder): void {
  for (const seed of SEED_SPACES) {
    const space: SpaceRecord = {
      key: seed.key,
      name: seed.name,
      description: seed.description,
      access: grants(seed.access),
      createdAt: time(seed.created),
    };
    plan.add(KINDS.space, space.key, space);
    const idsByTitle = new Map<string, string>();
    for (const pageSeed of PAGES_BY_SPACE[seed.key] ?? []) {
      const page = pageRecord(plan, seed.key, pageSeed, idsByTitle);
      idsByTitle.set(page.title, page.id);
      plan.add(KINDS.page, page.id, page);
    }
  }
}
