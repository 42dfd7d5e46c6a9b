/**
 * The tool catalogue: every MCP tool, in listing order (platform, jira, confluence, jsm,
 * bitbucket, compass). Each tool set lives in its own file under `tools/`.
 */
import { deepFreeze } from './deep-freeze.js';
import type { PermissionGroup, Product } from './products.js';
import { getScope } from './scopes.js';
import { BITBUCKET_TOOLS } from './tools/bitbucket-tools.js';
import { COMPASS_TOOLS } from './tools/compass-tools.js';
import { CONFLUENCE_TOOLS } from './tools/confluence-tools.js';
import { JIRA_TOOLS } from './tools/jira-tools.js';
import { JSM_TOOLS } from './tools/jsm-tools.js';
import { PLATFORM_TOOLS } from './tools/platform-tools.js';
import type { ToolDefinition } from './tools/tool-definition.js';

const TOOL_LIST = deepFreeze([
  ...PLATFORM_TOOLS,
  ...JIRA_TOOLS,
  ...CONFLUENCE_TOOLS,
  ...JSM_TOOLS,
  ...BITBUCKET_TOOLS,
  ...COMPASS_TOOLS,
]);

/**
 * Every tool name, as a union: key the MCP server's input schemas and handlers by it
 * (`Record<ToolName, ...>`) and the compiler reports a tool left out.
 */
export type ToolName = (typeof TOOL_LIST)[number]['name'];

/** The whole catalogue, in listing order. Frozen. */
export const TOOLS: readonly ToolDefinition<ToolName>[] = TOOL_LIST;

const BY_NAME: ReadonlyMap<string, ToolDefinition<ToolName>> = new Map(
  TOOLS.map((tool) => [tool.name, tool]),
);

/** The tool called `name` (exact, case-sensitive), or `undefined`. */
export function getTool(name: string): ToolDefinition<ToolName> | undefined {
  return BY_NAME.get(name);
}

/** True when `name` is a tool of the catalogue. */
export function isToolName(name: string): name is ToolName {
  return BY_NAME.has(name);
}

/** One admin switch: a permission group of a product. */
export interface PermissionSwitch {
  product: Product;
  group: PermissionGroup;
}

/**
 * The admin switches a tool depends on: its own (product, group) first, then that of each scope
 * it needs, each once. For most tools that is one switch; `search` and `fetch` also depend on
 * the Jira and Confluence switches, so turning off Confluence search also turns off the
 * cross-product `search` rather than letting it reach Confluence by another door.
 */
export function getToolSwitches(tool: ToolDefinition): PermissionSwitch[] {
  const switches: PermissionSwitch[] = [{ product: tool.product, group: tool.group }];
  for (const scopeId of tool.requiredScopes) {
    const scope = getScope(scopeId);
    if (scope?.kind !== 'resource') continue;
    const known = switches.some((s) => s.product === scope.product && s.group === scope.group);
    if (!known) switches.push({ product: scope.product, group: scope.group });
  }
  return switches;
}
