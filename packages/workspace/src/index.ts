// Every export here is public API of @gatehouse/workspace; named exports only.

export type {
  PullRequestSummaryView,
  PullRequestView,
  RepositoryView,
} from './bitbucket/views.js';
export type { ComponentView } from './compass/components.js';
export type { PageSummaryView, PageView, SpaceView } from './confluence/views.js';
export { type Actor, actorFromUser } from './core/actor.js';
export type { CommentView } from './core/comments.js';
export type { WorkspaceDeps, WorkspaceOptions } from './core/context.js';
export type { UserRef } from './core/directory.js';
export { WorkspaceError, type WorkspaceErrorCode } from './core/errors.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from './core/paging.js';
export { DEMO_SITE, type Site } from './core/site.js';
export type { TransitionView } from './jira/transitions.js';
export type { IssueSummaryView, IssueView, ProjectView } from './jira/views.js';
export type { AccessGrants } from './model/access.js';
export type { RepositoryPermission } from './model/bitbucket.js';
export type { ComponentType } from './model/compass.js';
export type { SpacePermission } from './model/confluence.js';
export type { IssueType, Priority, ProjectPermission } from './model/jira.js';
export { KINDS, SEQUENCES } from './model/kinds.js';
export type { DeskPermission, RequestStatus } from './model/service-desk.js';
export type { AccessibleResource, UserInfoView } from './platform/account.js';
export type { FetchResult, SearchResult } from './platform/search.js';
export type { Query } from './query/ast.js';

export { CQL } from './query/cql.js';
export { JQL } from './query/jql.js';
export { parseQuery } from './query/parser.js';
export {
  DEMO_DESK,
  DEMO_ORG_ID,
  DEMO_PROJECTS,
  DEMO_REPOSITORIES,
  DEMO_SPACES,
  DEMO_USERS,
  type DemoPersona,
  type DemoUser,
  demoActor,
  SEED_VERSION,
} from './seed/demo-ids.js';
export { type SeedOptions, type SeedResult, seedDemoOrg } from './seed/seed-demo-org.js';
export type { RequestSummaryView, RequestView } from './service-desk/views.js';

export { createMemoryRecordStore, createMemoryUserStore } from './testing/memory-records.js';

export {
  createWorkspace,
  type Workspace,
  type WorkspaceToolName,
  workspaceInputSchemas,
} from './workspace.js';
