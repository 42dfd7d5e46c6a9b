import type { OrgRole, User } from '@gatehouse/store';

/**
 * Who is acting. The MCP server builds this from the introspected token; the workspace trusts
 * it. `userId` doubles as the account id shown in Jira-style answers.
 */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  /** `admin` administers everything in the workspace. */
  orgRole: OrgRole;
}

/** The actor for a stored user. */
export function actorFromUser(user: User): Actor {
  return { userId: user.id, email: user.email, displayName: user.name, orgRole: user.role };
}

/** True for org admins, who hold every permission on every item. */
export function isOrgAdmin(actor: Actor): boolean {
  return actor.orgRole === 'admin';
}
