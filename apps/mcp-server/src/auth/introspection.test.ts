import { describe, expect, it } from 'vitest';
import {
  createHttpIntrospector,
  type IntrospectionResult,
  IntrospectionUnavailableError,
  parseIntrospectionResponse,
} from './introspection.js';

const ISSUER = 'https://as.example.com';
const ENDPOINT = `${ISSUER}/oauth/introspect`;
const RESOURCE = 'https://mcp.example.com/mcp';

const OAUTH_ANSWER = {
  active: true,
  sub: 'user-alice',
  client_id: 'client-1',
  scope: 'read:me read:jira-work',
  aud: RESOURCE,
  exp: 1_700_003_600,
  iat: 1_700_000_000,
  token_type: 'Bearer',
  email: 'alice@example.com',
  auth_method: 'oauth',
};

describe('parseIntrospectionResponse', () => {
  it('reads an active OAuth token', () => {
    expect(parseIntrospectionResponse(OAUTH_ANSWER)).toEqual({
      active: true,
      claims: {
        subject: 'user-alice',
        clientId: 'client-1',
        scopes: ['read:me', 'read:jira-work'],
        audiences: [RESOURCE],
        expiresAt: 1_700_003_600,
        email: 'alice@example.com',
        authMethod: 'oauth',
        apiTokenId: undefined,
      },
    });
  });

  it('reads an active API token with several audiences and no scope', () => {
    const { scope: _none, ...rest } = OAUTH_ANSWER;
    const result = parseIntrospectionResponse({
      ...rest,
      aud: [RESOURCE, 'https://other.example'],
      client_id: 'api-token:t1',
      auth_method: 'api_token',
      api_token_id: 't1',
    });
    expect(result).toMatchObject({
      active: true,
      claims: { scopes: [], audiences: [RESOURCE, 'https://other.example'], apiTokenId: 't1' },
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['active false', { active: false }],
    ['a refresh token (no token_type)', { ...OAUTH_ANSWER, token_type: undefined }],
    ['a DPoP-bound token', { ...OAUTH_ANSWER, token_type: 'DPoP' }],
    ['no auth_method', { ...OAUTH_ANSWER, auth_method: undefined }],
    ['an unknown auth_method', { ...OAUTH_ANSWER, auth_method: 'saml' }],
    ['no sub', { ...OAUTH_ANSWER, sub: undefined }],
    ['no aud', { ...OAUTH_ANSWER, aud: undefined }],
    ['no exp', { ...OAUTH_ANSWER, exp: undefined }],
  ])('treats %s as inactive', (_name, body) => {
    expect(parseIntrospectionResponse(body)).toEqual({ active: false });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'ok'],
    ['an object without active', { sub: 'x' }],
    ['active as a string', { active: 'true' }],
  ])('treats %s as an outage', (_name, body) => {
    expect(() => parseIntrospectionResponse(body)).toThrow(IntrospectionUnavailableError);
  });
});

type Handler = (url: string, init: RequestInit | undefined) => Response | Promise<Response>;

function fakeFetch(handler: Handler) {
  const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
  const doFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input.toString();
    requests.push({ url, init });
    return handler(url, init);
  }) as typeof fetch;
  return { doFetch, requests };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const metadata = (issuer = ISSUER) => json({ issuer, introspection_endpoint: ENDPOINT });

function introspector(doFetch: typeof fetch, endpoint?: string) {
  return createHttpIntrospector({
    issuer: ISSUER,
    endpoint,
    clientId: 'mcp-resource-server',
    clientSecret: async () => 'secret/with+special=chars',
    timeoutMs: 50,
    fetch: doFetch,
  });
}

describe('createHttpIntrospector', () => {
  it('discovers the endpoint once and posts the token with HTTP Basic client credentials', async () => {
    const { doFetch, requests } = fakeFetch((url) =>
      url === ENDPOINT ? json(OAUTH_ANSWER) : metadata(),
    );
    const introspect = introspector(doFetch);
    expect((await introspect('token-1')).active).toBe(true);
    expect((await introspect('token-2')).active).toBe(true);
    expect(requests.map((r) => r.url)).toEqual([
      `${ISSUER}/.well-known/oauth-authorization-server`,
      ENDPOINT,
      ENDPOINT,
    ]);
    const post = requests[1]?.init;
    const headers = new Headers(post?.headers);
    expect(post?.method).toBe('POST');
    expect(post?.body).toBe('token=token-1');
    expect(headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    const basic = Buffer.from(headers.get('authorization')?.slice(6) ?? '', 'base64').toString();
    expect(basic).toBe('mcp-resource-server:secret%2Fwith%2Bspecial%3Dchars');
  });

  it('uses a configured endpoint without discovery', async () => {
    const { doFetch, requests } = fakeFetch(() => json({ active: false }));
    expect(await introspector(doFetch, ENDPOINT)('t')).toEqual({ active: false });
    expect(requests.map((r) => r.url)).toEqual([ENDPOINT]);
  });

  it('retries a failed discovery on the next call', async () => {
    let up = false;
    const { doFetch, requests } = fakeFetch((url) => {
      if (!up) throw new TypeError('fetch failed');
      return url === ENDPOINT ? json({ active: false }) : metadata();
    });
    const introspect = introspector(doFetch);
    await expect(introspect('t')).rejects.toBeInstanceOf(IntrospectionUnavailableError);
    up = true;
    expect(await introspect('t')).toEqual({ active: false });
    expect(requests).toHaveLength(3);
  });

  it.each(['unsupported_token_type', 'invalid_token'])(
    'calls a token the authorization server refuses with 400 %s inactive, not an outage',
    async (error) => {
      const { doFetch } = fakeFetch(() => json({ error }, 400));
      expect(await introspector(doFetch, ENDPOINT)('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).toEqual(
        {
          active: false,
        },
      );
    },
  );

  it.each<[string, Handler]>([
    ['connection refused', () => Promise.reject(new TypeError('fetch failed'))],
    [
      'HTTP 400 invalid_request (our request is wrong)',
      (url) => (url === ENDPOINT ? json({ error: 'invalid_request' }, 400) : metadata()),
    ],
    ['HTTP 500', (url) => (url === ENDPOINT ? json({ error: 'server_error' }, 500) : metadata())],
    ['HTTP 401 (wrong client secret)', (url) => (url === ENDPOINT ? json({}, 401) : metadata())],
    ['not JSON', (url) => (url === ENDPOINT ? new Response('<html>') : metadata())],
    ['metadata of another issuer', () => metadata('https://evil.example.com')],
    [
      'no answer in time',
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    ],
  ])('rejects as unavailable on %s', async (_name, handler) => {
    const { doFetch } = fakeFetch(handler);
    const outcome: Promise<IntrospectionResult> = introspector(doFetch)('t');
    await expect(outcome).rejects.toBeInstanceOf(IntrospectionUnavailableError);
  });
});
