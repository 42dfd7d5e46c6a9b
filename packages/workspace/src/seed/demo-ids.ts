import type { OrgRole } from '@gatehouse/store';
import type { Actor } from '../core/actor.js';

/** The demo org every seeded user belongs to. */
export const DEMO_ORG_ID = 'demo';

/** The demo personas; README.md tables what each may do. */
export type DemoPersona = 'alice' | 'bob' | 'carol';

/** A seeded user: stable id, login email, display name, org role. */
export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: OrgRole;
}

/** The demo users by persona. Their password is the one passed to `seedDemoOrg`. */
export const DEMO_USERS: Readonly<Record<DemoPersona, DemoUser>> = {
  alice: { id: 'user-alice', email: 'alice@example.com', name: 'Alice Admin', role: 'admin' },
  bob: { id: 'user-bob', email: 'bob@example.com', name: 'Bob Builder', role: 'member' },
  carol: {
    id: 'user-carol',
    email: 'carol@example.com',
    name: 'Carol Contractor',
    role: 'member',
  },
};

/** Keys of the demo Jira projects. `FIN` is restricted: carol cannot browse it. */
export const DEMO_PROJECTS = { ops: 'OPS', web: 'WEB', fin: 'FIN' } as const;

/** Keys of the demo Confluence spaces. `FIN` is restricted: carol cannot view it. */
export const DEMO_SPACES = { eng: 'ENG', team: 'TEAM', fin: 'FIN' } as const;

/** Key of the demo service desk. */
export const DEMO_DESK = 'HELP';

/** Full names (`workspace/slug`) of the demo repositories. */
export const DEMO_REPOSITORIES = {
  webApp: 'gatehouse/web-app',
  infra: 'gatehouse/infra',
  financeReports: 'gatehouse/finance-reports',
} as const;

/**
 * Version of the seed data. `seedDemoOrg` skips a store whose marker holds this version or a
 * newer one; raise it when the data changes so existing stores pick the additions up (records
 * already present are never overwritten).
 */
export const SEED_VERSION = 1;

/** The actor for a demo persona, as the MCP server would build it from a token. */
export function demoActor(persona: DemoPersona): Actor {
  const user = DEMO_USERS[persona];
  return { userId: user.id, email: user.email, displayName: user.name, orgRole: user.role };
}
