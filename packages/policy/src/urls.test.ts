import { describe, expect, it } from 'vitest';
import {
  defaultAllowedHosts,
  isHostAllowed,
  isLoopbackHostname,
  isSameResource,
  normalizeResourceIndicator,
} from './urls.js';

const MCP = 'http://localhost:4001/mcp';

describe('isSameResource', () => {
  it.each([
    ['exact', 'http://localhost:4001/mcp', true],
    ['trailing slash', 'http://localhost:4001/mcp/', true],
    ['upper-case scheme and host', 'HTTP://LocalHost:4001/mcp', true],
    ['other path', 'http://localhost:4001/other', false],
    ['path case matters', 'http://localhost:4001/MCP', false],
    ['other port', 'http://localhost:4002/mcp', false],
    ['other scheme', 'https://localhost:4001/mcp', false],
    ['fragment', 'http://localhost:4001/mcp#x', false],
    ['not a URL', 'mcp', false],
    ['urn', 'urn:example:mcp', false],
    ['query differs', 'http://localhost:4001/mcp?x=1', false],
  ])('%s: %s → %s', (_name, requested, expected) => {
    expect(isSameResource(requested, MCP)).toBe(expected);
  });

  it('drops a default port', () => {
    expect(normalizeResourceIndicator('https://mcp.example.com:443/mcp')).toBe(
      'https://mcp.example.com/mcp',
    );
  });
});

describe('isLoopbackHostname', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['[::1]', true],
    ['::1', true],
    ['127.0.0.2', false],
    ['example.com', false],
  ])('%s → %s', (hostname, expected) => {
    expect(isLoopbackHostname(hostname)).toBe(expected);
  });
});

describe('defaultAllowedHosts and isHostAllowed', () => {
  it.each([
    [MCP, [], ['localhost:4001', '127.0.0.1:4001', '[::1]:4001']],
    ['https://mcp.example.com/mcp', [], ['mcp.example.com']],
    [
      'https://mcp.example.com/mcp',
      ['MCP.internal:8080'],
      ['mcp.example.com', 'mcp.internal:8080'],
    ],
  ])('%s with %j → %j', (url, extra, expected) => {
    expect(defaultAllowedHosts(url, extra)).toEqual(expected);
  });

  const allowed = defaultAllowedHosts(MCP, ['mcp.internal']);
  it.each([
    ['localhost:4001', true],
    ['LOCALHOST:4001', true],
    ['127.0.0.1:4001', true],
    ['[::1]:4001', true],
    ['localhost:4002', false],
    ['localhost', false],
    ['mcp.internal.evil.example', false],
    ['evil.example:4001', false],
    ['mcp.internal', true],
    ['mcp.internal:9999', true],
    ['', false],
    [undefined, false],
  ])('%s → %s', (host, expected) => {
    expect(isHostAllowed(host, allowed)).toBe(expected);
  });
});
