import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import type { WorkspaceContext } from '../core/context.js';
import { isoTime } from '../core/directory.js';
import { notFound } from '../core/errors.js';
import { mapPage, type Page, paginate, pagingShape } from '../core/paging.js';
import type { Site } from '../core/site.js';
import { parseInput } from '../core/validation.js';
import { COMPONENT_TYPES, type ComponentRecord, type ComponentType } from '../model/compass.js';
import { KINDS } from '../model/kinds.js';

/** Input schemas of the Compass tools, by tool name. */
export const compassInputSchemas = {
  listCompassComponents: z.object({
    searchString: z.string().trim().max(255).optional().describe('Part of a name or label'),
    type: z.enum(COMPONENT_TYPES).optional(),
    ownerTeam: z.string().trim().max(255).optional(),
    ...pagingShape,
  }),
  getCompassComponent: z.object({
    componentId: z.string().trim().min(1, 'must not be empty').max(128),
  }),
};

/** Input types of the Compass tools (before defaults apply). */
export type CompassInput = {
  [K in keyof typeof compassInputSchemas]: z.input<(typeof compassInputSchemas)[K]>;
};

/** A component as answers show it. */
export interface ComponentView {
  id: string;
  name: string;
  type: ComponentType;
  ownerTeam: string;
  description: string;
  labels: string[];
  url: string;
  /** ISO 8601. */
  created: string;
}

function componentView(component: ComponentRecord, site: Site): ComponentView {
  return {
    id: component.id,
    name: component.name,
    type: component.type,
    ownerTeam: component.ownerTeam,
    description: component.description,
    labels: [...component.labels],
    url: `${site.url}/compass/component/${component.id}`,
    created: isoTime(component.createdAt),
  };
}

/**
 * The component catalogue, open to every member of the org, filtered by name or label, type
 * and owner team, ordered by name.
 */
export async function listCompassComponents(
  ctx: WorkspaceContext,
  _actor: Actor,
  input: CompassInput['listCompassComponents'],
): Promise<Page<ComponentView>> {
  const filters = parseInput(compassInputSchemas.listCompassComponents, input);
  const needle = filters.searchString?.toLowerCase() ?? '';
  const components = (await ctx.records.list<ComponentRecord>(KINDS.component))
    .filter((c) => `${c.name} ${c.labels.join(' ')}`.toLowerCase().includes(needle))
    .filter((c) => !filters.type || c.type === filters.type)
    .filter(
      (c) => !filters.ownerTeam || c.ownerTeam.toLowerCase() === filters.ownerTeam.toLowerCase(),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  return mapPage(paginate(components, filters), (c) => componentView(c, ctx.site));
}

/** One component by id; `not_found` when missing. */
export async function getCompassComponent(
  ctx: WorkspaceContext,
  _actor: Actor,
  input: CompassInput['getCompassComponent'],
): Promise<ComponentView> {
  const { componentId } = parseInput(compassInputSchemas.getCompassComponent, input);
  const component = await ctx.records.get<ComponentRecord>(KINDS.component, componentId);
  if (!component) throw notFound(`Component ${componentId}`);
  return componentView(component, ctx.site);
}
