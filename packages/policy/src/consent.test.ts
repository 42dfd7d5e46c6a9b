import { describe, expect, it } from 'vitest';
import { describeConsent } from './consent.js';

describe('describeConsent', () => {
  it('groups by product in catalogue order, with plain sentences', () => {
    const consent = describeConsent([
      'write:jira-work',
      'read:confluence-content',
      'read:jira-work',
      'read:me',
    ]);
    expect(consent).toEqual({
      groups: [
        {
          product: 'platform',
          productName: 'Your account',
          items: [
            {
              scope: 'read:me',
              sentence: 'See your name and email address',
              isWrite: false,
              highImpact: false,
            },
          ],
        },
        {
          product: 'jira',
          productName: 'Jira',
          items: [
            {
              scope: 'read:jira-work',
              sentence: 'See your Jira projects and issues',
              isWrite: false,
              highImpact: false,
            },
            {
              scope: 'write:jira-work',
              sentence: 'Create, edit, comment on and move Jira issues in your name',
              isWrite: true,
              highImpact: true,
            },
          ],
        },
        {
          product: 'confluence',
          productName: 'Confluence',
          items: [
            {
              scope: 'read:confluence-content',
              sentence: 'See your Confluence spaces and pages',
              isWrite: false,
              highImpact: false,
            },
          ],
        },
      ],
      hasHighImpact: true,
      unknownScopes: [],
    });
  });

  it.each([
    [[], [], false, []],
    [['offline_access'], ['platform'], false, []],
    [['openid', 'read:compass', 'openid', 'x'], ['compass'], false, ['openid', 'x']],
    [['write:jsm', 'read:bitbucket'], ['jsm', 'bitbucket'], true, []],
    [['search:jira', 'search:confluence'], ['jira', 'confluence'], false, []],
  ])('%j → groups %j, high impact %s, unknown %j', (scopes, products, highImpact, unknown) => {
    const consent = describeConsent(scopes);
    expect(consent.groups.map((g) => g.product)).toEqual(products);
    expect(consent.hasHighImpact).toBe(highImpact);
    expect(consent.unknownScopes).toEqual(unknown);
  });

  it('shows offline_access as staying connected, under the account', () => {
    const [group] = describeConsent(['offline_access', 'read:me']).groups;
    expect(group?.productName).toBe('Your account');
    expect(group?.items.map((i) => i.sentence)).toEqual([
      'See your name and email address',
      'Stay connected when you are not using the app',
    ]);
  });

  it('lists a scope once however often it was asked for', () => {
    const consent = describeConsent(['read:me', 'read:me']);
    expect(consent.groups[0]?.items).toHaveLength(1);
  });
});
