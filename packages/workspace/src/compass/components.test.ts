import { beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../seed/demo-ids.js';
import { carol, createSeededWorkspace, PERSONAS } from '../testing/test-fixtures.js';
import type { Workspace } from '../workspace.js';

let workspace: Workspace;
beforeAll(async () => {
  ({ workspace } = await createSeededWorkspace());
});

describe('listCompassComponents', () => {
  it('shows the whole catalogue to every member', async () => {
    for (const persona of PERSONAS) {
      const page = await workspace.listCompassComponents(demoActor(persona));
      expect(page.total, persona).toBe(6);
    }
  });

  it.each([
    [{ type: 'SERVICE' as const }, ['authorization-server', 'billing-service', 'mcp-server']],
    [{ ownerTeam: 'web' }, ['web-app', 'design-system']],
    [{ searchString: 'tier-1' }, ['authorization-server', 'web-app', 'mcp-server']],
    [{ searchString: 'log' }, ['log-pipeline']],
  ])('filters by %j, ordered by name', async (filters, expected) => {
    const page = await workspace.listCompassComponents(carol, filters);
    expect(page.items.map((c) => c.id)).toEqual(expected);
  });
});

describe('getCompassComponent', () => {
  it('returns one component', async () => {
    expect(await workspace.getCompassComponent(carol, { componentId: 'mcp-server' })).toEqual({
      id: 'mcp-server',
      name: 'MCP server',
      type: 'SERVICE',
      ownerTeam: 'Identity',
      description: 'MCP resource server exposing the work tools to AI clients.',
      labels: ['mcp', 'tier-1'],
      url: 'https://demo.gatehouse.example/compass/component/mcp-server',
      created: '2025-01-06T13:05:00.000Z',
    });
  });

  it('answers not_found for an unknown id', async () => {
    await expect(
      workspace.getCompassComponent(carol, { componentId: 'nope' }),
    ).rejects.toMatchObject({ code: 'not_found', message: 'Component nope was not found.' });
  });
});
