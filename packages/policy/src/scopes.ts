/**
 * The scope catalogue: every OAuth scope the authorization server accepts, what it lets a client
 * do, and how a person is told about it on the consent screen.
 *
 * Two kinds of scope:
 * - `resource` scopes grant access to one product's data within one permission group. They gate
 *   tools, are switched on and off by admins through that (product, group) pair, and may appear
 *   in the MCP server's metadata and challenges.
 * - the `session` scope `offline_access` asks to stay connected (a refresh token). The
 *   authorization server accepts it and lists it in its own metadata, but it grants no data
 *   access, so the MCP server never advertises it nor asks for it in a challenge.
 */
import type { PermissionGroup, Product } from './products.js';

interface ScopeFields<Id extends string> {
  readonly id: Id;
  readonly product: Product;
  /** What the user is agreeing to, in words a non-technical person understands. */
  readonly consentSentence: string;
  /** True when granting it lets the client change data; consent screens emphasise it. */
  readonly highImpact: boolean;
}

/** A scope granting access to one product's data within one permission group. */
export interface ResourceScopeDefinition<Id extends string = ResourceScopeId>
  extends ScopeFields<Id> {
  readonly kind: 'resource';
  readonly group: PermissionGroup;
}

/** `offline_access`: keeps the client connected; grants no data access by itself. */
export interface SessionScopeDefinition<Id extends string = SessionScopeId>
  extends ScopeFields<Id> {
  readonly kind: 'session';
}

/** One entry of the scope catalogue; switch on `kind`. */
export type ScopeDefinition = ResourceScopeDefinition | SessionScopeDefinition;

const SCOPE_LIST = [
  scope('read:me', 'platform', 'read', 'See your name and email address'),
  scope('read:jira-work', 'jira', 'read', 'See your Jira projects and issues'),
  scope(
    'write:jira-work',
    'jira',
    'write',
    'Create, edit, comment on and move Jira issues in your name',
  ),
  scope('search:jira', 'jira', 'search', 'Search your Jira issues'),
  scope('read:confluence-content', 'confluence', 'read', 'See your Confluence spaces and pages'),
  scope(
    'write:confluence-content',
    'confluence',
    'write',
    'Create and change Confluence pages in your name',
  ),
  scope('search:confluence', 'confluence', 'search', 'Search your Confluence pages'),
  scope('read:jsm', 'jsm', 'read', 'See your service desk requests'),
  scope(
    'write:jsm',
    'jsm',
    'write',
    'Raise service desk requests and comment on them in your name',
  ),
  scope('read:bitbucket', 'bitbucket', 'read', 'See your Bitbucket repositories and pull requests'),
  scope('write:bitbucket', 'bitbucket', 'write', 'Comment on Bitbucket pull requests in your name'),
  scope('read:compass', 'compass', 'read', 'See your Compass components'),
  {
    id: 'offline_access',
    kind: 'session',
    product: 'platform',
    consentSentence: 'Stay connected when you are not using the app',
    highImpact: false,
  },
] as const satisfies readonly (ResourceScopeDefinition<string> | SessionScopeDefinition<string>)[];

/** Every scope id the catalogue knows. */
export type ScopeId = (typeof SCOPE_LIST)[number]['id'];

/** A scope id that grants data access (every scope except `offline_access`). */
export type ResourceScopeId = Extract<(typeof SCOPE_LIST)[number], { kind: 'resource' }>['id'];

/** A scope id that grants no data access by itself: `offline_access`. */
export type SessionScopeId = Extract<(typeof SCOPE_LIST)[number], { kind: 'session' }>['id'];

/** The whole catalogue, in display order (by product, then read, write, search). */
export const SCOPES: readonly ScopeDefinition[] = SCOPE_LIST;

/** Every scope the authorization server accepts; its metadata's `scopes_supported`. */
export const AUTHORIZATION_SERVER_SCOPES: readonly ScopeId[] = SCOPE_LIST.map((s) => s.id);

/**
 * Every scope that grants data access (all but `offline_access`), in catalogue order: what an
 * access token for the MCP server may carry at most.
 */
export const RESOURCE_SCOPE_IDS: readonly ResourceScopeId[] = SCOPES.flatMap((s) =>
  s.kind === 'resource' ? [s.id] : [],
);

/**
 * The MCP server's protected resource metadata `scopes_supported`: "the minimal set for basic
 * use". Chosen as `read:me` plus the read scope of every product an OAuth client can reach.
 * `read:jsm` and `read:bitbucket` are left out on purpose: their tools work only with API tokens,
 * and clients that read this list are OAuth clients, so asking for them would only put a line on
 * the consent screen the client can never use. Write and search scopes come by step-up.
 */
export const RESOURCE_SCOPES_SUPPORTED: readonly ResourceScopeId[] = [
  'read:me',
  'read:jira-work',
  'read:confluence-content',
  'read:compass',
];

const BY_ID: ReadonlyMap<string, ScopeDefinition> = new Map(SCOPES.map((s) => [s.id, s]));
const CATALOGUE_POSITION: ReadonlyMap<string, number> = new Map(SCOPES.map((s, i) => [s.id, i]));

/** True when `value` is a scope id from the catalogue (exact, case-sensitive, as OAuth says). */
export function isKnownScope(value: string): value is ScopeId {
  return BY_ID.has(value);
}

/** The catalogue entry for `id`, or `undefined` for an unknown scope. */
export function getScope(id: string): ScopeDefinition | undefined {
  return BY_ID.get(id);
}

/** True when `id` is a known scope that grants data access (so not `offline_access`). */
export function isResourceScope(id: string): id is ResourceScopeId {
  return BY_ID.get(id)?.kind === 'resource';
}

/** What `parseScopeString` found: known scopes and unknown tokens, each once, in input order. */
export interface ParsedScopes {
  scopes: ScopeId[];
  unknown: string[];
}

/**
 * Every token of an OAuth `scope` string (space-separated; runs of whitespace tolerated), known
 * or not, each once, in first-seen order. For scope strings whose unknown tokens must be kept
 * as they are (what a grant or an introspection answer holds); `parseScopeString` separates
 * known from unknown.
 */
export function splitScopeString(value: string): string[] {
  return [...new Set(value.split(/\s+/))].filter((token) => token !== '');
}

/**
 * Splits an OAuth `scope` string (space-separated; runs of whitespace tolerated) into known and
 * unknown scopes. Duplicates are dropped and first-seen order kept. Never throws: the caller
 * decides whether an unknown scope is an error.
 */
export function parseScopeString(value: string): ParsedScopes {
  const scopes: ScopeId[] = [];
  const unknown: string[] = [];
  for (const token of splitScopeString(value)) {
    if (isKnownScope(token)) scopes.push(token);
    else unknown.push(token);
  }
  return { scopes, unknown };
}

/** Joins scopes into an OAuth `scope` string: one space between, duplicates dropped. */
export function formatScopes(scopes: Iterable<string>): string {
  return [...new Set(scopes)].join(' ');
}

/** Known scopes, each once, in catalogue order: a stable order whatever order they came in. */
export function sortScopes<S extends ScopeId>(scopes: Iterable<S>): S[] {
  const known = [...new Set(scopes)].filter((s) => CATALOGUE_POSITION.has(s));
  return known.sort((a, b) => (CATALOGUE_POSITION.get(a) ?? 0) - (CATALOGUE_POSITION.get(b) ?? 0));
}

function scope<const Id extends string>(
  id: Id,
  product: Product,
  group: PermissionGroup,
  consentSentence: string,
): ResourceScopeDefinition<Id> {
  return { id, kind: 'resource', product, group, consentSentence, highImpact: group === 'write' };
}
