import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { checkRequestParams, invalidParamsAnswer, NOT_RUN_ERROR_CODE } from './request-params.js';

const request = (method: string, params?: unknown, id: string | number = 1) =>
  ({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) }) as JSONRPCMessage;

const INITIALIZE_PARAMS = {
  protocolVersion: '2025-06-18',
  capabilities: {},
  clientInfo: { name: 't', version: '1' },
};

describe('checkRequestParams', () => {
  it.each<[string, JSONRPCMessage, string | undefined]>([
    [
      'a good tools/call',
      request('tools/call', { name: 'getJiraIssue', arguments: {} }),
      undefined,
    ],
    [
      'tools/call without params',
      request('tools/call'),
      'Invalid params for tools/call: params is missing (an object).',
    ],
    [
      'tools/call without a name',
      request('tools/call', { arguments: {} }),
      'Invalid params for tools/call: params.name is missing (a string).',
    ],
    [
      'tools/call with a numeric name and array arguments',
      request('tools/call', { name: 5, arguments: [] }),
      'Invalid params for tools/call: params.name must be a string; params.arguments must be an object.',
    ],
    ['a good initialize', request('initialize', INITIALIZE_PARAMS), undefined],
    [
      'initialize without params',
      request('initialize'),
      'Invalid params for initialize: params is missing (an object).',
    ],
    [
      'initialize with half its params',
      request('initialize', { protocolVersion: 2025 }),
      'Invalid params for initialize: params.protocolVersion must be a string; ' +
        'params.capabilities is missing (an object); params.clientInfo is missing (an object).',
    ],
    ['tools/list without params', request('tools/list'), undefined],
    ['tools/list with a cursor', request('tools/list', { cursor: 'abc' }), undefined],
    [
      'tools/list with a numeric cursor',
      request('tools/list', { cursor: 5 }),
      'Invalid params for tools/list: params.cursor must be a string.',
    ],
    [
      'ping with an object progress token (a union: no type to name)',
      request('ping', { _meta: { progressToken: {} } }),
      'Invalid params for ping: params._meta.progressToken is not valid.',
    ],
    [
      'a method this server does not serve (the SDK answers -32601)',
      request('resources/list', { cursor: 5 }),
      undefined,
    ],
    ['a method named like an Object member', request('toString'), undefined],
    [
      'a notification (no answer is owed)',
      { jsonrpc: '2.0', method: 'tools/call', params: {} } as JSONRPCMessage,
      undefined,
    ],
  ])('%s', (_name, message, expected) => {
    expect(checkRequestParams(message)).toBe(expected);
  });

  it('never repeats zod text', () => {
    const message = checkRequestParams(request('tools/call', { name: 5 })) ?? '';
    expect(message).not.toMatch(/Invalid input|expected string, received|invalid_type|"code"/);
  });
});

describe('invalidParamsAnswer', () => {
  it('leaves good messages to the SDK', () => {
    expect(
      invalidParamsAnswer([request('tools/list'), request('ping', undefined, 2)]),
    ).toBeUndefined();
  });

  it('answers a single bad request -32602 with its id', () => {
    expect(invalidParamsAnswer([request('tools/list', { cursor: 5 }, 'a')])).toEqual({
      jsonrpc: '2.0',
      id: 'a',
      error: {
        code: -32602,
        message: 'Invalid params for tools/list: params.cursor must be a string.',
      },
    });
  });

  it('answers a batch whole: -32602 for the bad request, not-run for the others, nothing for notifications', () => {
    const answer = invalidParamsAnswer([
      request('tools/list', undefined, 1),
      request('tools/call', {}, 2),
      { jsonrpc: '2.0', method: 'notifications/initialized' } as JSONRPCMessage,
    ]);
    expect(answer).toEqual([
      {
        jsonrpc: '2.0',
        id: 1,
        error: { code: NOT_RUN_ERROR_CODE, message: expect.stringMatching(/^Not run/) },
      },
      {
        jsonrpc: '2.0',
        id: 2,
        error: {
          code: -32602,
          message: 'Invalid params for tools/call: params.name is missing (a string).',
        },
      },
    ]);
  });
});
