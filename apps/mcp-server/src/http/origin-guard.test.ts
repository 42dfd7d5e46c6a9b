import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin-guard.js';

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
