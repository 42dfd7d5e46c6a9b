// Every export here is public API of @gatehouse/policy; named exports only.
// Pure: no I/O, no environment, no clock. Depends only on zod.

export type { ApiTokenCheck } from './api-token-format.js';
export {
  API_TOKEN_PREFIX,
  API_TOKEN_SECRET_BYTES,
  apiTokenHint,
  checkApiTokenFormat,
  formatApiToken,
  looksLikeApiToken,
} from './api-token-format.js';
export { assertNever } from './assert-never.js';
export type { ConsentDescription, ConsentGroup, ConsentItem } from './consent.js';
export { describeConsent } from './consent.js';
export type {
  Credential,
  ToolCallDecision,
  ToolCallDenial,
  ToolCallDenialReason,
  ToolCallRequest,
  ToolListingRequest,
} from './decisions.js';
export { decideToolCall, listTools } from './decisions.js';
export {
  describeHostPatternProblem,
  isClientHostAllowed,
  matchesHostPattern,
} from './host-patterns.js';
export type { AuthMethod, PermissionGroup, Product, ProductPermissionGroup } from './products.js';
export {
  AUTH_METHODS,
  PERMISSION_GROUPS,
  PRODUCT_DISPLAY_NAMES,
  PRODUCT_PERMISSION_GROUPS,
  PRODUCTS,
  productHasGroup,
} from './products.js';
export type {
  ChallengeScopesRequest,
  IssuableScopes,
  IssuableScopesRequest,
  ScopeRefusal,
} from './scope-decisions.js';
export { challengeScopes, decideIssuableScopes } from './scope-decisions.js';
export type {
  ParsedScopes,
  ResourceScopeDefinition,
  ResourceScopeId,
  ScopeDefinition,
  ScopeId,
  SessionScopeDefinition,
  SessionScopeId,
} from './scopes.js';
export {
  AUTHORIZATION_SERVER_SCOPES,
  formatScopes,
  getScope,
  isKnownScope,
  isResourceScope,
  parseScopeString,
  RESOURCE_SCOPE_IDS,
  RESOURCE_SCOPES_SUPPORTED,
  SCOPES,
  sortScopes,
  splitScopeString,
} from './scopes.js';
export type {
  OrgSettings,
  OrgSettingsInput,
  ParseOrgSettingsResult,
  SettingsFieldError,
} from './settings.js';
export {
  DEFAULT_ORG_SETTINGS,
  isGroupEnabled,
  MAX_ALLOWED_CLIENT_DOMAINS,
  MAX_REGISTRATIONS_PER_HOUR_PER_IP,
  parseOrgSettings,
} from './settings.js';
export type { SettingsChange } from './settings-diff.js';
export { diffOrgSettings } from './settings-diff.js';
export type { ToolAnnotations, ToolDefinition, ToolSet } from './tools/tool-definition.js';
export {
  ADDS_CONTENT,
  CHANGES_STATE,
  OVERWRITES_CONTENT,
  READ_ONLY,
} from './tools/tool-definition.js';
export type { PermissionSwitch, ToolName } from './tools.js';
export { getTool, getToolSwitches, isToolName, TOOLS } from './tools.js';
export {
  defaultAllowedHosts,
  isHostAllowed,
  isLoopbackHostname,
  isSameResource,
  normalizeResourceIndicator,
} from './urls.js';
