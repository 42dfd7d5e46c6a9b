import { describe, expect, it } from 'vitest';
import { clientDisplayName, clientRegistration, describeRedirectTarget } from './client-display.js';

describe('describeRedirectTarget', () => {
  it.each([
    ['https://claude.ai/api/mcp/auth_callback', 'claude.ai'],
    ['http://127.0.0.1:33418/callback', '127.0.0.1:33418'],
    ['http://localhost:6274/oauth/callback', 'localhost:6274'],
    ['cursor://anysphere.cursor-retrieval/oauth/callback', 'cursor://anysphere.cursor-retrieval'],
    ['com.example.app:/oauth2redirect', 'com.example.app:'],
  ])('%s → %s', (uri, expected) => {
    expect(describeRedirectTarget(uri)).toBe(expected);
  });
});

describe('clientDisplayName', () => {
  it.each([
    [{ clientName: 'Claude' }, undefined, 'Claude'],
    [{ clientName: '   ' }, 'https://app.example.com/cb', 'app.example.com'],
    [{ redirectUris: ['http://127.0.0.1:9/cb'] }, undefined, '127.0.0.1:9'],
    [{}, undefined, 'An unnamed app'],
  ])('%j with %s → %s', (client, redirectUri, expected) => {
    expect(clientDisplayName(client, redirectUri)).toBe(expected);
  });
});

describe('clientRegistration', () => {
  it.each([
    ['mcp-resource-server', 'static'],
    ['https://app.example.com/client.json', 'metadata_document'],
    ['Zx81abc', 'dynamic'],
  ])('%s → %s', (clientId, expected) => {
    expect(clientRegistration(clientId, ['mcp-resource-server'])).toBe(expected);
  });
});
