import type { PullRequestRecord, RepositoryRecord } from '../model/bitbucket.js';
import type { ComponentRecord } from '../model/compass.js';
import { KINDS, SEQUENCES } from '../model/kinds.js';
import type { DeskRecord, RequestRecord } from '../model/service-desk.js';
import { SEED_COMPONENTS } from './data/components.js';
import { SEED_REPOSITORIES } from './data/repositories.js';
import { SEED_DESK, SEED_REQUESTS } from './data/service-desk.js';
import type { SeedRepository } from './data/types.js';
import { grants, type PlanBuilder, time, userId } from './plan.js';

/** The service desk, its requests (numbered in data order) and their comments. */
export function planServiceDesk(plan: PlanBuilder): void {
  const { access, ...fields } = SEED_DESK;
  const desk: DeskRecord = { ...fields, access: grants(access) };
  plan.add(KINDS.desk, desk.key, desk);
  for (const seed of SEED_REQUESTS) {
    const request: RequestRecord = {
      key: `${desk.key}-${plan.next(SEQUENCES.requestKey(desk.key))}`,
      deskKey: desk.key,
      requestType: seed.requestType,
      summary: seed.summary,
      description: seed.description,
      status: seed.status,
      reporterId: userId(seed.reporter),
      participantIds: (seed.participants ?? []).map(userId),
      createdAt: time(seed.created),
      updatedAt: time(seed.updated),
    };
    plan.add(KINDS.request, request.key, request);
    plan.addComments(KINDS.requestComment, SEQUENCES.requestComment, request.key, seed.comments);
  }
}

function planPullRequests(plan: PlanBuilder, repository: RepositoryRecord, seed: SeedRepository) {
  for (const prSeed of seed.pullRequests) {
    const number = plan.next(SEQUENCES.pullRequest(repository.id));
    const pullRequest: PullRequestRecord = {
      id: `${repository.id}#${number}`,
      repositoryId: repository.id,
      number,
      title: prSeed.title,
      description: prSeed.description,
      state: prSeed.state,
      authorId: userId(prSeed.author),
      reviewerIds: prSeed.reviewers.map(userId),
      sourceBranch: prSeed.sourceBranch,
      destinationBranch: repository.mainBranch,
      createdAt: time(prSeed.created),
      updatedAt: time(prSeed.updated),
    };
    plan.add(KINDS.pullRequest, pullRequest.id, pullRequest);
    plan.addComments(
      KINDS.pullRequestComment,
      SEQUENCES.pullRequestComment,
      pullRequest.id,
      prSeed.comments,
    );
  }
}

/** Repositories, their pull requests (numbered per repository) and comments. */
export function planBitbucket(plan: PlanBuilder): void {
  for (const seed of SEED_REPOSITORIES) {
    const repository: RepositoryRecord = {
      id: `${seed.workspace}/${seed.slug}`,
      workspace: seed.workspace,
      slug: seed.slug,
      name: seed.name,
      description: seed.description,
      language: seed.language,
      mainBranch: 'main',
      access: grants(seed.access),
      createdAt: time(seed.created),
      updatedAt: Math.max(time(seed.created), ...seed.pullRequests.map((pr) => time(pr.updated))),
    };
    plan.add(KINDS.repository, repository.id, repository);
    planPullRequests(plan, repository, seed);
  }
}

/** The component catalogue. */
export function planCompass(plan: PlanBuilder): void {
  for (const seed of SEED_COMPONENTS) {
    const { created, ...fields } = seed;
    const component: ComponentRecord = { ...fields, createdAt: time(created) };
    plan.add(KINDS.component, component.id, component);
  }
}
