import type { OrgRole } from '@gatehouse/store';
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import type { WorkspaceContext } from '../core/context.js';
import { parseInput } from '../core/validation.js';

/** Who the actor is. */
export interface UserInfoView {
  accountId: string;
  name: string;
  email: string;
  orgRole: OrgRole;
}

/** One site the actor can reach, with the scopes their credential carries there. */
export interface AccessibleResource {
  id: string;
  name: string;
  url: string;
  scopes: string[];
}

export const accountInputSchemas = {
  atlassianUserInfo: z.object({}),
  /**
   * `scopes` is not a tool argument: the MCP server fills it with the scopes of the caller's
   * token, so the answer tells the client what it may do on the site.
   */
  getAccessibleAtlassianResources: z.object({
    scopes: z.array(z.string().min(1, 'must not be empty')).default([]),
  }),
};

/** The acting user's account id, name, email and org role. */
export async function atlassianUserInfo(
  _ctx: WorkspaceContext,
  actor: Actor,
  input: z.input<typeof accountInputSchemas.atlassianUserInfo> = {},
): Promise<UserInfoView> {
  parseInput(accountInputSchemas.atlassianUserInfo, input);
  return {
    accountId: actor.userId,
    name: actor.displayName,
    email: actor.email,
    orgRole: actor.orgRole,
  };
}

/** The demo site, the one resource every member can reach. */
export async function getAccessibleAtlassianResources(
  ctx: WorkspaceContext,
  _actor: Actor,
  input: z.input<typeof accountInputSchemas.getAccessibleAtlassianResources> = {},
): Promise<AccessibleResource[]> {
  const { scopes } = parseInput(accountInputSchemas.getAccessibleAtlassianResources, input);
  const { id, name, url } = ctx.site;
  return [{ id, name, url, scopes: [...new Set(scopes)].sort() }];
}
