import { DEFAULT_WORKFLOW, type IssueRecord, type ProjectRecord } from '../model/jira.js';
import { ISSUE_ID_OFFSET, KINDS, SEQUENCES } from '../model/kinds.js';
import { FIN_ISSUES } from './data/issues-fin.js';
import { OPS_ISSUES } from './data/issues-ops.js';
import { WEB_ISSUES } from './data/issues-web.js';
import { SEED_PROJECTS } from './data/projects.js';
import type { SeedIssue } from './data/types.js';
import { grants, type PlanBuilder, time, userId } from './plan.js';

const ISSUES_BY_PROJECT: Record<string, SeedIssue[]> = {
  OPS: OPS_ISSUES,
  WEB: WEB_ISSUES,
  FIN: FIN_ISSUES,
};

function issueRecord(plan: PlanBuilder, projectKey: string, seed: SeedIssue): IssueRecord {
  const number = plan.next(SEQUENCES.issueKey(projectKey));
  return {
    id: String(ISSUE_ID_OFFSET + plan.next(SEQUENCES.issueId)),
    key: `${projectKey}-${number}`,
    projectKey,
    summary: seed.summary,
    description: seed.description,
    type: seed.type,
    status: seed.status,
    priority: seed.priority,
    assigneeId: seed.assignee ? userId(seed.assignee) : null,
    reporterId: userId(seed.reporter),
    labels: [...seed.labels],
    createdAt: time(seed.created),
    updatedAt: time(seed.updated),
  };
}

/** Projects, their issues (numbered in data order) and the issues' comments. */
export function planJira(plan: PlanBuilder): void {
  for (const seed of SEED_PROJECTS) {
    const project: ProjectRecord = {
      key: seed.key,
      name: seed.name,
      description: seed.description,
      leadId: userId(seed.lead),
      access: grants(seed.access),
      workflow: DEFAULT_WORKFLOW,
      createdAt: time(seed.created),
    };
    plan.add(KINDS.project, project.key, project);
    for (const issueSeed of ISSUES_BY_PROJECT[seed.key] ?? []) {
      const issue = issueRecord(plan, seed.key, issueSeed);
      plan.add(KINDS.issue, issue.key, issue);
      plan.addComments(KINDS.issueComment, SEQUENCES.issueComment, issue.key, issueSeed.comments);
    }
  }
}
