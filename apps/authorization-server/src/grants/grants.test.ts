import { describe, expect, it } from 'vitest';
import { toGrantSummary } from './grants.js';

describe('toGrantSummary', () => {
  it('reads who, which client, what and when from a stored Grant', () => {
    const payload = {
      accountId: 'user-alice',
      clientId: 'client-1',
      openid: { scope: 'openid offline_access' },
      resources: { 'http://mcp.test/mcp': 'read:jira-work write:jira-work' },
      iat: 1_700_000_000,
      exp: 1_702_592_000,
      kind: 'Grant',
      jti: 'grant-1',
    };
    expect(toGrantSummary('grant-1', payload, 42)).toEqual({
      grantId: 'grant-1',
      accountId: 'user-alice',
      clientId: 'client-1',
      scopes: ['read:jira-work', 'write:jira-work', 'offline_access'],
      createdAt: 1_700_000_000_000,
      expiresAt: 1_702_592_000_000,
      lastUsedAt: 42,
    });
  });

  it.each([
    ['no account', { clientId: 'c' }],
    ['no client', { accountId: 'a' }],
    ['a numeric account', { accountId: 1, clientId: 'c' }],
  ])('skips a payload with %s', (_name, payload) => {
    expect(toGrantSummary('g', payload, null)).toBeNull();
  });

  it('copes with a grant of nothing', () => {
    expect(toGrantSummary('g', { accountId: 'a', clientId: 'c' }, null)).toMatchObject({
      scopes: [],
      createdAt: 0,
      expiresAt: null,
    });
  });
});
