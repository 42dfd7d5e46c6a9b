import type { Actor } from '../core/actor.js';
import type { WorkspaceContext } from '../core/context.js';
import { loadDirectory } from '../core/directory.js';
import { mapPage, type Page, paginate } from '../core/paging.js';
import { parseInput } from '../core/validation.js';
import { hasProjectPermission } from './access.js';
import { loadVisibleProjects } from './load.js';
import { type JiraInput, jiraInputSchemas } from './schemas.js';
import { type ProjectView, projectView } from './views.js';

/**
 * Projects the actor may browse (or, with `action`, hold that role in), filtered by part of
 * the key or name, ordered by key.
 */
export async function getVisibleJiraProjects(
  ctx: WorkspaceContext,
  actor: Actor,
  input: JiraInput['getVisibleJiraProjects'],
): Promise<Page<ProjectView>> {
  const { searchString, action, ...paging } = parseInput(
    jiraInputSchemas.getVisibleJiraProjects,
    input,
  );
  const needle = searchString?.toLowerCase() ?? '';
  const projects = (await loadVisibleProjects(ctx, actor)).filter(
    (project) =>
      hasProjectPermission(actor, project, action) &&
      `${project.key} ${project.name}`.toLowerCase().includes(needle),
  );
  const directory = await loadDirectory(ctx);
  return mapPage(paginate(projects, paging), (project) =>
    projectView(project, actor, directory, ctx.site),
  );
}
