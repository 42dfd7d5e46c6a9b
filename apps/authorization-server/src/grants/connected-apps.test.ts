import { describe, expect, it } from 'vitest';
import { DELETED_APP_NAME, groupConnectedApps } from './connected-apps.js';
import type { GrantSummary } from './grants.js';

function grant(overrides: Partial<GrantSummary>): GrantSummary {
  return {
    grantId: 'g',
    accountId: 'user-alice',
    clientId: 'c1',
    scopes: [],
    createdAt: 1_000,
    expiresAt: null,
    lastUsedAt: null,
    ...overrides,
  };
}

describe('groupConnectedApps', () => {
  const names = new Map([
    ['c1', 'Claude'],
    ['c2', 'Cursor'],
  ]);

  it('joins the grants of one client: scopes in catalogue order, first connection, last use', () => {
    const apps = groupConnectedApps(
      [
        grant({ grantId: 'g1', scopes: ['write:jira-work'], createdAt: 5_000, lastUsedAt: 9_000 }),
        grant({ grantId: 'g2', scopes: ['read:jira-work', 'write:jira-work'], createdAt: 2_000 }),
      ],
      names,
    );
    expect(apps).toEqual([
      {
        clientId: 'c1',
        name: 'Claude',
        scopes: ['read:jira-work', 'write:jira-work'],
        grantIds: ['g1', 'g2'],
        connectedAt: 2_000,
        lastUsedAt: 9_000,
      },
    ]);
  });

  it.each([
    [
      'most recently used first',
      [grant({ clientId: 'c1' }), grant({ clientId: 'c2', lastUsedAt: 5 })],
      ['Cursor', 'Claude'],
    ],
    ['then by name', [grant({ clientId: 'c2' }), grant({ clientId: 'c1' })], ['Claude', 'Cursor']],
    ['naming a deleted client as such', [grant({ clientId: 'gone' })], [DELETED_APP_NAME]],
  ])('orders %s', (_name, grants, expected) => {
    expect(groupConnectedApps(grants, names).map((app) => app.name)).toEqual(expected);
  });
});
