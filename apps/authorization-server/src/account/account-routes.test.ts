import { DEFAULT_ORG_SETTINGS } from '@gatehouse/policy';
import { describe, expect, it } from 'vitest';
import { allowedApiTokenScopes } from '../api-tokens/api-tokens.js';
import { scopeChoiceGroups } from './account-routes.js';

describe('scopeChoiceGroups', () => {
  it('groups the allowed scopes by product, in catalogue order, with their sentences', () => {
    const groups = scopeChoiceGroups(['read:jsm', 'read:me', 'write:jsm']);
    expect(groups).toEqual([
      {
        productName: 'Your account',
        scopes: [{ scope: 'read:me', sentence: 'See your name and email address' }],
      },
      {
        productName: 'Jira Service Management',
        scopes: [
          { scope: 'read:jsm', sentence: 'See your service desk requests' },
          {
            scope: 'write:jsm',
            sentence: 'Raise service desk requests and comment on them in your name',
          },
        ],
      },
    ]);
  });

  it('offers every resource scope by default and never offline_access', () => {
    const scopes = scopeChoiceGroups(allowedApiTokenScopes(DEFAULT_ORG_SETTINGS)).flatMap((g) =>
      g.scopes.map((s) => s.scope),
    );
    expect(scopes).toContain('write:bitbucket');
    expect(scopes).not.toContain('offline_access');
  });
});
