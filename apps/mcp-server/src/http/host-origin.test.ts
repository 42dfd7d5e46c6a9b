import { describe, expect, it } from 'vitest';
import { defaultAllowedHosts, isHostAllowed, isOriginAllowed } from './host-origin.js';

describe('defaultAllowedHosts', () => {
  it.each<[string, string[], string[]]>([
    ['https://mcp.example.com/mcp', [], ['mcp.example.com']],
    [
      'https://mcp.example.com:8443/mcp',
      ['Proxy.Internal'],
      ['mcp.example.com:8443', 'proxy.internal'],
    ],
    ['http://localhost:4001/mcp', [], ['localhost:4001', '127.0.0.1:4001', '[::1]:4001']],
    ['http://127.0.0.1/mcp', [], ['127.0.0.1', 'localhost', '[::1]']],
  ])('%s (+%j) → %j', (resource, extra, expected) => {
    expect(defaultAllowedHosts(resource, extra)).toEqual(expected);
  });
});

describe('isHostAllowed', () => {
  const allowed = defaultAllowedHosts('http://localhost:4001/mcp', ['mcp.internal']);

  it.each<[string | undefined, boolean]>([
    ['localhost:4001', true],
    ['LOCALHOST:4001', true],
    ['127.0.0.1:4001', true],
    ['[::1]:4001', true],
    ['localhost:4002', false],
    ['localhost', false],
    ['evil.example:4001', false],
    ['mcp.internal', true],
    ['mcp.internal:8080', true],
    ['mcp.internal.evil.example', false],
    ['', false],
    [undefined, false],
  ])('Host %j → %s', (host, expected) => {
    expect(isHostAllowed(host, allowed)).toBe(expected);
  });
});

describe('isOriginAllowed', () => {
  const resource = 'https://mcp.example.com/mcp';

  it.each<[string, boolean]>([
    ['http://localhost:6274', true],
    ['http://127.0.0.1:3000', true],
    ['https://[::1]:8443', true],
    ['https://mcp.example.com', true],
    ['https://mcp.example.com:443', true],
    ['http://mcp.example.com', false],
    ['https://app.example.org', true],
    ['https://evil.example', false],
    ['null', false],
    ['file://', false],
    ['not a url', false],
  ])('Origin %s → %s', (origin, expected) => {
    expect(isOriginAllowed(origin, resource, ['https://app.example.org'])).toBe(expected);
  });
});
