import { describe, expect, it } from 'vitest';
import {
  type BearerChallenge,
  formatBasicChallenge,
  formatBearerChallenge,
  formatChallenges,
  toHeaderSafe,
} from './challenge.js';

const META = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';

describe('formatBearerChallenge', () => {
  it.each<[string, BearerChallenge, string]>([
    [
      'no credential: metadata and scope only',
      { resourceMetadataUrl: META, scopes: ['read:me', 'read:jira-work'] },
      `Bearer resource_metadata="${META}", scope="read:me read:jira-work"`,
    ],
    [
      'no scopes: no scope parameter',
      { resourceMetadataUrl: META, scopes: [] },
      `Bearer resource_metadata="${META}"`,
    ],
    [
      'an invalid token',
      {
        resourceMetadataUrl: META,
        scopes: ['read:me'],
        error: { code: 'invalid_token', description: 'The access token expired.' },
      },
      `Bearer error="invalid_token", resource_metadata="${META}", scope="read:me", error_description="The access token expired."`,
    ],
    [
      'insufficient scope',
      {
        resourceMetadataUrl: META,
        scopes: ['read:jira-work', 'write:jira-work'],
        error: { code: 'insufficient_scope', description: 'needs write:jira-work' },
      },
      `Bearer error="insufficient_scope", resource_metadata="${META}", scope="read:jira-work write:jira-work", error_description="needs write:jira-work"`,
    ],
  ])('%s', (_name, challenge, expected) => {
    expect(formatBearerChallenge(challenge)).toBe(expected);
  });
});

describe('toHeaderSafe', () => {
  it.each([
    ["organization's admin", "organization's admin"],
    ['say "hi"', "say 'hi'"],
    ['back\\slash', 'back?slash'],
    ['line\nbreak', 'line?break'],
    ['naïve — dash', 'na?ve ? dash'],
  ])('%j → %j', (input, expected) => {
    expect(toHeaderSafe(input)).toBe(expected);
  });
});

describe('formatChallenges', () => {
  const bearer = { resourceMetadataUrl: META, scopes: ['read:me'] };

  it('puts Bearer first and adds Basic only while API tokens are accepted', () => {
    expect(formatChallenges(bearer, { basic: false })).toBe(formatBearerChallenge(bearer));
    const both = formatChallenges(bearer, { basic: true });
    expect(both.startsWith('Bearer ')).toBe(true);
    expect(both.endsWith(`, ${formatBasicChallenge()}`)).toBe(true);
  });

  it('names the realm and the charset of the Basic challenge', () => {
    expect(formatBasicChallenge('Realm')).toBe('Basic realm="Realm", charset="UTF-8"');
  });
});
