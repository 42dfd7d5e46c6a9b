/**
 * Scope decisions: which requested scopes the authorization server may issue, and which scopes
 * the MCP server asks for in an `insufficient_scope` challenge.
 */
import type { PermissionGroup, Product } from './products.js';
import {
  getScope,
  isResourceScope,
  type ResourceScopeId,
  type ScopeId,
  sortScopes,
} from './scopes.js';
import { isGroupEnabled, type OrgSettings } from './settings.js';
import type { ToolDefinition } from './tools/tool-definition.js';

/** A requested scope that will not be issued, and why. */
export type ScopeRefusal =
  | { scope: string; reason: 'unknown_scope' }
  | {
      scope: ResourceScopeId;
      reason: 'disabled_by_admin';
      product: Product;
      group: PermissionGroup;
    };

/** The outcome of `decideIssuableScopes`. */
export interface IssuableScopes {
  /** Scopes to issue, each once, in the order requested. */
  issuable: ScopeId[];
  refused: ScopeRefusal[];
}

/** Input of `decideIssuableScopes`. */
export interface IssuableScopesRequest {
  /** Requested scopes, e.g. a `scope` parameter split on spaces; duplicates are fine. */
  requested: Iterable<string>;
  settings: OrgSettings;
}

/**
 * Requested ∩ known ∩ switched on by the admin. `offline_access` is always issuable: it grants no
 * data access, and refresh tokens are issued to MCP clients anyway (DESIGN.md §4). Nothing
 * requested gives nothing issuable; choosing a default set is the caller's call. Never throws.
 */
export function decideIssuableScopes(request: IssuableScopesRequest): IssuableScopes {
  const issuable: ScopeId[] = [];
  const refused: ScopeRefusal[] = [];
  for (const requested of new Set(request.requested)) {
    const scope = getScope(requested);
    if (scope === undefined) {
      refused.push({ scope: requested, reason: 'unknown_scope' });
    } else if (
      scope.kind === 'resource' &&
      !isGroupEnabled(request.settings, scope.product, scope.group)
    ) {
      const { id, product, group } = scope;
      refused.push({ scope: id, reason: 'disabled_by_admin', product, group });
    } else {
      issuable.push(scope.id);
    }
  }
  return { issuable, refused };
}

/** Input of `challengeScopes`. */
export interface ChallengeScopesRequest {
  tool: ToolDefinition;
  /** Scopes the current credential already holds. */
  grantedScopes: Iterable<string>;
}

/**
 * The `scope` of a 403 `insufficient_scope` challenge: the tool's required scopes plus those
 * already granted (so that re-authorizing does not lose them), without `offline_access` and
 * unknown scopes, in catalogue order so the same need always yields the same string.
 */
export function challengeScopes(request: ChallengeScopesRequest): ResourceScopeId[] {
  const granted = [...request.grantedScopes].filter(isResourceScope);
  return sortScopes<ResourceScopeId>([...request.tool.requiredScopes, ...granted]);
}
