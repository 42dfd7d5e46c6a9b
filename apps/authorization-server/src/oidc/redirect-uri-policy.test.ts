import { describe, expect, it } from 'vitest';
import { checkRedirectUri, inferApplicationType } from './redirect-uri-policy.js';

describe('checkRedirectUri', () => {
  it.each([
    ['https://app.example.com/callback', 'https'],
    ['http://127.0.0.1:33418/callback', 'loopback'],
    ['http://[::1]:8080/cb', 'loopback'],
    ['http://localhost:6274/oauth/callback', 'loopback'],
    ['cursor://anysphere.cursor-retrieval/oauth/callback', 'private_use'],
    ['com.example.app:/oauth2redirect', 'private_use'],
    ['vscode://vscode.github-authentication/did-authenticate', 'private_use'],
  ])('accepts %s as %s', (uri, kind) => {
    expect(checkRedirectUri(uri)).toEqual({ ok: true, kind });
  });

  it.each([
    ['javascript:alert(1)', 'javascript scheme'],
    ['data:text/html,hi', 'data scheme'],
    ['file:///etc/passwd', 'file scheme'],
    ['https://app.example.com/cb#frag', 'must not contain a fragment'],
    ['https://*.example.com/cb', 'must not contain a wildcard'],
    ['http://app.example.com/cb', 'not loopback'],
    ['http://192.168.1.10/cb', 'not loopback'],
    ['https://user:pw@app.example.com/cb', 'user name or password'],
    ['/relative/path', 'not an absolute URI'],
    ['myapp:', 'nothing after it'],
  ])('refuses %s (%s)', (uri, fragment) => {
    const verdict = checkRedirectUri(uri);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(fragment);
  });
});

describe('inferApplicationType', () => {
  it.each([
    [['loopback'], 'native'],
    [['private_use', 'loopback'], 'native'],
    [['https'], 'web'],
    [['https', 'loopback'], 'web'],
    [[], 'web'],
  ] as const)('%j → %s', (kinds, expected) => {
    expect(inferApplicationType([...kinds])).toBe(expected);
  });
});
