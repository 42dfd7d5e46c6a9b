import type { z } from 'zod';
import {
  addBitbucketPullRequestComment,
  getBitbucketPullRequest,
  getBitbucketRepository,
  listBitbucketPullRequests,
  listBitbucketRepositories,
} from './bitbucket/operations.js';
import { bitbucketInputSchemas } from './bitbucket/schemas.js';
import {
  compassInputSchemas,
  getCompassComponent,
  listCompassComponents,
} from './compass/components.js';
import * as confluence from './confluence/index.js';
import { confluenceInputSchemas } from './confluence/schemas.js';
import type { Actor } from './core/actor.js';
import type { WorkspaceContext, WorkspaceDeps, WorkspaceOptions } from './core/context.js';
import { DEMO_SITE } from './core/site.js';
import * as jira from './jira/index.js';
import { jiraInputSchemas } from './jira/schemas.js';
import {
  accountInputSchemas,
  atlassianUserInfo,
  getAccessibleAtlassianResources,
} from './platform/account.js';
import { fetch, search, searchInputSchemas } from './platform/search.js';
import { DEMO_ORG_ID } from './seed/demo-ids.js';
import {
  addServiceDeskRequestComment,
  createServiceDeskRequest,
  getServiceDeskRequest,
  listServiceDeskRequests,
} from './service-desk/requests.js';
import { serviceDeskInputSchemas } from './service-desk/schemas.js';

/** Every operation, by the name of the MCP tool it backs. */
const OPERATIONS = {
  ...jira,
  ...confluence,
  listServiceDeskRequests,
  getServiceDeskRequest,
  createServiceDeskRequest,
  addServiceDeskRequestComment,
  listBitbucketRepositories,
  getBitbucketRepository,
  listBitbucketPullRequests,
  getBitbucketPullRequest,
  addBitbucketPullRequestComment,
  listCompassComponents,
  getCompassComponent,
  atlassianUserInfo,
  getAccessibleAtlassianResources,
  search,
  fetch,
};

type Operations = typeof OPERATIONS;

/** An operation with its context bound: `(actor, input)`; input optional when all fields are. */
type Bound<F> = F extends (ctx: WorkspaceContext, actor: Actor, input: infer I) => infer R
  ? // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "an input with no required field".
    {} extends I
    ? (actor: Actor, input?: I) => R
    : (actor: Actor, input: I) => R
  : never;

/**
 * The workspace API: one method per MCP tool, named like the tool, each taking the acting
 * user and the tool's input. Every method checks the actor's permissions, validates its input
 * and throws only `WorkspaceError` on purpose.
 */
export type Workspace = { readonly [K in keyof Operations]: Bound<Operations[K]> };

/** The name of a workspace operation, which is also the name of its MCP tool. */
export type WorkspaceToolName = keyof Workspace;

/**
 * The zod input schema of every operation, by tool name, for tool listings (e.g. with
 * `z.toJSONSchema`). `getAccessibleAtlassianResources` takes `scopes` from the server, not the
 * client.
 */
export const workspaceInputSchemas = {
  ...jiraInputSchemas,
  ...confluenceInputSchemas,
  ...serviceDeskInputSchemas,
  ...bitbucketInputSchemas,
  ...compassInputSchemas,
  ...accountInputSchemas,
  ...searchInputSchemas,
} satisfies Record<WorkspaceToolName, z.ZodType>;

/** Builds the workspace on any `RecordStore` + `UserStore` backend. */
export function createWorkspace(deps: WorkspaceDeps, options: WorkspaceOptions = {}): Workspace {
  const ctx: WorkspaceContext = {
    records: deps.records,
    users: deps.users,
    orgId: options.orgId ?? DEMO_ORG_ID,
    site: options.site ?? DEMO_SITE,
    now: options.now ?? Date.now,
  };
  const bound: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    bound[name] = (actor: Actor, input: unknown) =>
      (operation as (c: WorkspaceContext, a: Actor, i: unknown) => unknown)(
        ctx,
        actor,
        input ?? {},
      );
  }
  return Object.freeze(bound) as Workspace;
}
