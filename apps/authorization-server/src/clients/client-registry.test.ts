import { describe, expect, it } from 'vitest';
import { createClientBlocks, withClientBlocks } from './client-blocks.js';
import { toClientSummary } from './client-registry.js';

describe('toClientSummary', () => {
  const extra = { lastUsedAt: 7, blocked: false, staticIds: ['mcp-resource-server'] };

  it.each([
    [
      'a dynamically registered native client',
      'Zx81',
      {
        client_name: 'Cursor',
        redirect_uris: ['http://127.0.0.1:1/cb', 'http://127.0.0.1:2/cb'],
        client_id_issued_at: 1_700_000_000,
      },
      {
        name: 'Cursor',
        registration: 'dynamic',
        redirectHosts: ['127.0.0.1:1', '127.0.0.1:2'],
        createdAt: 1_700_000_000_000,
      },
    ],
    [
      'a client without a name, named by its redirect host',
      'Ab12',
      { redirect_uris: ['https://app.example.com/cb', 'https://app.example.com/other'] },
      { name: 'app.example.com', redirectHosts: ['app.example.com'], createdAt: null },
    ],
    [
      'a metadata-document client',
      'https://app.example.com/client.json',
      { client_name: 'Doc', redirect_uris: [] },
      { registration: 'metadata_document', redirectHosts: [] },
    ],
  ])('reads %s', (_name, id, payload, expected) => {
    expect(toClientSummary(id, payload, extra)).toMatchObject({
      clientId: id,
      lastUsedAt: 7,
      blocked: false,
      ...expected,
    });
  });
});

describe('withClientBlocks', () => {
  function records() {
    const map = new Map<string, unknown>();
    return {
      async get(_kind: string, id: string) {
        return map.get(id) ?? null;
      },
      async put(_kind: string, id: string, value: unknown) {
        map.set(id, value);
      },
      async delete(_kind: string, id: string) {
        return map.delete(id);
      },
      async list() {
        return [...map.values()];
      },
    } as never;
  }

  it('hides a blocked client from oidc-provider and shows it again once unblocked', async () => {
    const blocks = createClientBlocks(records());
    const adapter = withClientBlocks({ find: async (id: string) => ({ client_id: id }) }, blocks);
    expect(await adapter.find('c1')).toEqual({ client_id: 'c1' });
    await blocks.block('c1', 'user-alice');
    expect(await adapter.find('c1')).toBeUndefined();
    expect(await adapter.find('c2')).toEqual({ client_id: 'c2' });
    expect((await blocks.list()).get('c1')).toMatchObject({
      clientId: 'c1',
      blockedBy: 'user-alice',
    });
    await blocks.unblock('c1');
    expect(await adapter.find('c1')).toEqual({ client_id: 'c1' });
  });
});
