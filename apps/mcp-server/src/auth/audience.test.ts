import { describe, expect, it } from 'vitest';
import { isAudienceOf } from './audience.js';

const RESOURCE = 'https://mcp.example.com/mcp';

describe('isAudienceOf', () => {
  it.each<[string, string[], boolean]>([
    ['the exact URL', [RESOURCE], true],
    ['a trailing slash', ['https://mcp.example.com/mcp/'], true],
    ['upper-case scheme and host', ['HTTPS://MCP.EXAMPLE.COM/mcp'], true],
    ['the default port spelled out', ['https://mcp.example.com:443/mcp'], true],
    ['one of several audiences', ['https://other.example.com', RESOURCE], true],
    ['another path', ['https://mcp.example.com/other'], false],
    ['a path in another case', ['https://mcp.example.com/MCP'], false],
    ['another host', ['https://evil.example.com/mcp'], false],
    ['http instead of https', ['http://mcp.example.com/mcp'], false],
    ['another port', ['https://mcp.example.com:8443/mcp'], false],
    ['the origin only', ['https://mcp.example.com'], false],
    ['no audience', [], false],
    ['not a URL', ['mcp.example.com/mcp'], false],
  ])('%s → %s', (_name, audiences, expected) => {
    expect(isAudienceOf(audiences, RESOURCE)).toBe(expected);
  });
});
