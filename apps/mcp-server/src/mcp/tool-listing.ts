/**
 * How each catalogue tool appears in `tools/list`: name, title, description and annotations from
 * the policy catalogue, input schema from the workspace's zod schema (as JSON Schema, input side,
 * so fields with defaults are optional). Built once at startup; listing a tool costs nothing.
 */
import {
  listTools,
  type OrgSettings,
  TOOLS,
  type ToolDefinition,
  type ToolName,
} from '@gatehouse/policy';
import { workspaceInputSchemas } from '@gatehouse/workspace';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Principal } from '../auth/authenticate.js';

/** Every catalogue tool has a workspace input schema (the compiler checks this assignment). */
const INPUT_SCHEMAS: Record<ToolName, z.ZodType> = workspaceInputSchemas;

/**
 * Arguments the server fills in from the credential: clients neither see nor set them.
 * `getAccessibleAtlassianResources` reports the token's own scopes (DESIGN.md §5).
 */
export const SERVER_ARGUMENTS: Partial<
  Record<ToolName, { names: readonly string[]; fill: (principal: Principal) => object }>
> = {
  getAccessibleAtlassianResources: {
    names: ['scopes'],
    fill: (principal) => ({ scopes: principal.scopes }),
  },
};

/** The JSON Schema clients see: the workspace schema without server-filled arguments. */
export function inputSchemaFor(name: ToolName): Tool['inputSchema'] {
  const {
    $schema: _dialect,
    properties: allProperties = {},
    required: allRequired = [],
    ...rest
  } = z.toJSONSchema(INPUT_SCHEMAS[name], { io: 'input', unrepresentable: 'any' }) as {
    $schema?: string;
    properties?: Record<string, object>;
    required?: string[];
  };
  const hidden = new Set(SERVER_ARGUMENTS[name]?.names ?? []);
  const properties = Object.fromEntries(
    Object.entries(allProperties).filter(([key]) => !hidden.has(key)),
  );
  const required = allRequired.filter((key) => !hidden.has(key));
  return { ...rest, type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/** One tool as `tools/list` shows it. */
export function describeTool(tool: ToolDefinition<ToolName>): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: inputSchemaFor(tool.name),
    annotations: { title: tool.title, ...tool.annotations },
  };
}

const DESCRIBED: ReadonlyMap<string, Tool> = new Map(TOOLS.map((t) => [t.name, describeTool(t)]));

/**
 * The `tools/list` answer for this caller: what `listTools` allows under the org's listing mode
 * and the credential's auth method, in catalogue order.
 */
export function listToolsFor(principal: Principal, settings: OrgSettings): Tool[] {
  const credential = { authMethod: principal.authMethod, scopes: principal.scopes };
  return listTools({ credential, settings }).flatMap((tool) => {
    const described = DESCRIBED.get(tool.name);
    return described === undefined ? [] : [described];
  });
}
