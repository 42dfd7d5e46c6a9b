/**
 * The shape of a tool in the catalogue, the annotation presets every tool takes one of, and the
 * helper each tool-set file uses to stamp its set's product and auth methods onto its tools.
 */
import type { AuthMethod, PermissionGroup, Product } from '../products.js';
import type { ResourceScopeId } from '../scopes.js';

/** A tool set is named after its product (`platform` holds the cross-product tools). */
export type ToolSet = Product;

/**
 * MCP tool annotations (hints to the client, e.g. to ask the user before a change). Every tool
 * takes one of the presets below, so the same kind of action always carries the same hints.
 */
export interface ToolAnnotations {
  readonly readOnlyHint: boolean;
  /** True when the tool may overwrite or remove what is there, not only add to it. */
  readonly destructiveHint: boolean;
  /** True when repeating the same call has no further effect. */
  readonly idempotentHint: boolean;
  /** Always false: every tool works inside the organization's own workspace. */
  readonly openWorldHint: false;
}

/** Looks at data and changes nothing: get, list, search. */
export const READ_ONLY = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const satisfies ToolAnnotations;

/** Adds something new (an issue, a page, a comment): nothing is lost, but each call adds one. */
export const ADDS_CONTENT = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: false,
} as const satisfies ToolAnnotations;

/**
 * Replaces existing values (issue fields, a page body) with the ones given: what was there is
 * overwritten (destructive), but sending the same values twice changes nothing more.
 */
export const OVERWRITES_CONTENT = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: false,
} as const satisfies ToolAnnotations;

/**
 * Moves an item through its workflow (an issue transition). No content is lost and another
 * transition can move it back, so not destructive; but a transition applies from the current
 * status, so a repeat either fails or moves the item again: not idempotent.
 */
export const CHANGES_STATE = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: false,
} as const satisfies ToolAnnotations;

/** One tool of the catalogue. Input schemas are not here: the MCP server owns them. */
export interface ToolDefinition<Name extends string = string> {
  /** The MCP tool name (camelCase, as on the hosted service this is modelled on). */
  readonly name: Name;
  /** Short human title (MCP `title`). */
  readonly title: string;
  /** What the tool does and when to use it, written for an LLM choosing a tool. */
  readonly description: string;
  readonly toolSet: ToolSet;
  readonly product: Product;
  /** The admin switch (with `product`) that turns this tool on and off. */
  readonly group: PermissionGroup;
  /** Scopes the credential must hold, all of them. */
  readonly requiredScopes: readonly ResourceScopeId[];
  /** Which credentials may call it; fixed per tool set (DESIGN.md §5). */
  readonly authMethods: readonly AuthMethod[];
  readonly annotations: ToolAnnotations;
}

/** What a tool-set file writes per tool; the set supplies the rest. */
export type ToolSpec<Name extends string> = Omit<
  ToolDefinition<Name>,
  'toolSet' | 'product' | 'authMethods'
>;

/** Builds a tool set: every tool gets the set's product and the set's auth methods. */
export function defineToolSet<const Name extends string>(
  toolSet: ToolSet,
  authMethods: readonly AuthMethod[],
  tools: readonly ToolSpec<Name>[],
): readonly ToolDefinition<Name>[] {
  return tools.map((tool) => ({ ...tool, toolSet, product: toolSet, authMethods }));
}
