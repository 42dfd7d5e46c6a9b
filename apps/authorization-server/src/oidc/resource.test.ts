import { describe, expect, it } from 'vitest';
import { isSameResource, normalizeResourceIndicator } from './resource.js';

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
