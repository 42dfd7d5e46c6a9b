import { describe, expect, it } from 'vitest';
import { checkClientDomains, describeDomainRefusal } from './client-domains.js';

describe('checkClientDomains', () => {
  it.each([
    ['any client while the list is empty', ['cursor://x/cb', 'https://evil.example/cb'], [], true],
    ['an https host on the list', ['https://claude.ai/api/mcp/auth_callback'], ['claude.ai'], true],
    ['a subdomain under a wildcard', ['https://app.eu.example.com/cb'], ['*.example.com'], true],
    ['a host off the list', ['https://evil.example/cb'], ['claude.ai'], false],
    [
      'one bad URI among good ones',
      ['https://claude.ai/cb', 'https://evil.example/cb'],
      ['claude.ai'],
      false,
    ],
    ['loopback while localhost is listed', ['http://localhost:6274/cb'], ['localhost'], true],
    ['loopback while it is not', ['http://127.0.0.1:33418/callback'], ['claude.ai'], false],
    [
      'an app link, never',
      ['cursor://anysphere.cursor-retrieval/cb'],
      ['anysphere.cursor-retrieval'],
      false,
    ],
    ['a client without redirect URIs', [], ['claude.ai'], true],
  ])('%s → %s', (_name, uris, domains, allowed) => {
    expect(checkClientDomains(uris, domains).allowed).toBe(allowed);
  });

  it.each([
    [['https://evil.example/cb'], 'redirects to evil.example, which is not on'],
    [['cursor://x/cb'], 'redirects to an app link (cursor://x/cb)'],
  ])('explains why %j is refused', (uris, sentence) => {
    const verdict = checkClientDomains(uris, ['claude.ai']);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(describeDomainRefusal(verdict)).toContain(sentence);
  });
});
