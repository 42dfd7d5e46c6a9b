import type { PullRequestState, RepositoryPermission } from '../../model/bitbucket.js';
import type { ComponentType } from '../../model/compass.js';
import type { SpacePermission } from '../../model/confluence.js';
import type { IssueType, Priority, ProjectPermission } from '../../model/jira.js';
import type { DeskPermission, RequestStatus } from '../../model/service-desk.js';
import type { DemoPersona } from '../demo-ids.js';

/** Seed data names people by persona and times as ISO 8601 strings. */
export interface SeedGrants<Level extends string> {
  everyone: Level | null;
  users: Partial<Record<DemoPersona, Level>>;
}

export interface SeedComment {
  author: DemoPersona;
  at: string;
  body: string;
}

export interface SeedProject {
  key: string;
  name: string;
  description: string;
  lead: DemoPersona;
  access: SeedGrants<ProjectPermission>;
  created: string;
}

/** Issues are numbered in list order: the first of `OPS` becomes `OPS-1`. */
export interface SeedIssue {
  summary: string;
  description: string;
  type: IssueType;
  status: 'To Do' | 'In Progress' | 'In Review' | 'Done';
  priority: Priority;
  assignee: DemoPersona | null;
  reporter: DemoPersona;
  labels: string[];
  created: string;
  updated: string;
  comments?: SeedComment[];
}

export interface SeedSpace {
  key: string;
  name: string;
  description: string;
  access: SeedGrants<SpacePermission>;
  created: string;
}

/** Pages get ids in list order across all spaces, from 1; `parent` is a title in the space. */
export interface SeedPage {
  title: string;
  parent?: string;
  author: DemoPersona;
  created: string;
  updated?: string;
  /** Bumped once per update before seeding; default 1. */
  version?: number;
  restrictions?: { view?: DemoPersona[]; edit?: DemoPersona[] };
  body: string;
}

export interface SeedDesk {
  key: string;
  name: string;
  description: string;
  requestTypes: string[];
  access: SeedGrants<DeskPermission>;
}

export interface SeedRequest {
  requestType: string;
  summary: string;
  description: string;
  status: RequestStatus;
  reporter: DemoPersona;
  participants?: DemoPersona[];
  created: string;
  updated: string;
  comments?: SeedComment[];
}

export interface SeedPullRequest {
  title: string;
  description: string;
  state: PullRequestState;
  author: DemoPersona;
  reviewers: DemoPersona[];
  sourceBranch: string;
  created: string;
  updated: string;
  comments?: SeedComment[];
}

export interface SeedRepository {
  workspace: string;
  slug: string;
  name: string;
  description: string;
  language: string;
  access: SeedGrants<RepositoryPermission>;
  created: string;
  pullRequests: SeedPullRequest[];
}

export interface SeedComponent {
  id: string;
  name: string;
  type: ComponentType;
  ownerTeam: string;
  description: string;
  labels: string[];
  created: string;
}
