import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.js';
import { type DemoPersona, demoActor } from '../seed/demo-ids.js';
import type { Workspace } from '../workspace.js';
import { createSeededWorkspace, outcome, PERSONAS } from './test-fixtures.js';

/** Expected outcome per persona: `ok` or a `WorkspaceError` code. */
export type Outcomes = Record<DemoPersona, 'ok' | 'not_found' | 'forbidden' | 'invalid_input'>;

/** One row of a permission table: what to run and how it ends for alice, bob and carol. */
export type PermissionRow = [
  label: string,
  run: (workspace: Workspace, actor: Actor) => Promise<unknown>,
  expected: Outcomes,
];

/** Short form for a row's expected outcomes, in persona order. */
export function outcomes(
  alice: Outcomes['alice'],
  bob: Outcomes['bob'],
  carol: Outcomes['carol'],
): Outcomes {
  return { alice, bob, carol };
}

/**
 * Runs every row as alice, bob and carol. Reads share one seeded workspace; writes get a
 * fresh one per persona so that one persona's change never decides another's outcome.
 */
export function describePermissions(title: string, rows: PermissionRow[], fresh: boolean) {
  describe(title, () => {
    let shared: Workspace;
    let workspace: Workspace;
    beforeAll(async () => {
      if (!fresh) ({ workspace: shared } = await createSeededWorkspace());
    });
    beforeEach(async () => {
      workspace = fresh ? (await createSeededWorkspace()).workspace : shared;
    });
    describe.each(rows)('%s', (_label, run, expected) => {
      it.each(PERSONAS)('as %s', async (persona) => {
        expect(await outcome(run(workspace, demoActor(persona)))).toBe(expected[persona]);
      });
    });
  });
}
