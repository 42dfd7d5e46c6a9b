import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type Store } from '@gatehouse/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequestError } from '../http/errors.js';
import { createCredentialThrottle, presentedApiToken } from './credential-throttle.js';
import { type PresentedCredential, parseAuthorizationHeader } from './credentials.js';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'throttle-'));
  store = await createSqliteStore({ dataDir: dir, logger: { warn() {} } });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const TOKEN_A = `gat_${'a'.repeat(43)}_000000`;
const TOKEN_B = `gat_${'b'.repeat(43)}_000000`;

describe('presentedApiToken', () => {
  it.each([
    ['Bearer gat_x', 'gat_x'],
    [`Basic ${Buffer.from('a@example.com:gat_y').toString('base64')}`, 'gat_y'],
    ['Bearer opaque-oauth-token', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, expected) => {
    expect(presentedApiToken(parseAuthorizationHeader(header))).toBe(expected);
  });
});

const bearer = (token: string) => parseAuthorizationHeader(`Bearer ${token}`);
const apiToken = (c: string) => bearer(`gat_${c.repeat(43)}_000000`);

/** A throttle with small limits; `active` lists the tokens the cache holds as active. */
function throttle(active: readonly string[] = []) {
  return createCredentialThrottle(store.limits, {
    limits: { apiTokenPerIp: 3, apiTokenPerPrefix: 2, bearerPerIp: 4, windowSeconds: 60 },
    isKnownActive: (token) => active.includes(token),
  });
}

async function refusal(promise: Promise<void>): Promise<RequestError | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (error instanceof RequestError ? error : undefined),
  );
}

/** The status each failure is answered with: undefined keeps the 401, else 429. */
async function failures(ip: string, credentials: PresentedCredential[]) {
  const t = throttle();
  const statuses = [];
  for (const credential of credentials)
    statuses.push((await t.recordFailure(ip, credential))?.status);
  return statuses;
}

describe('createCredentialThrottle: API tokens', () => {
  it('refuses a token up front after its failures, from any address, with the wait', async () => {
    const t = throttle();
    await t.recordFailure('10.0.0.1', bearer(TOKEN_A));
    expect(await refusal(t.assertAllowed(bearer(TOKEN_A)))).toBeUndefined();
    await t.recordFailure('10.0.0.2', bearer(TOKEN_A));
    const refused = await refusal(t.assertAllowed(bearer(TOKEN_A)));
    expect(refused?.status).toBe(429);
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await refusal(t.assertAllowed(bearer(TOKEN_B)))).toBeUndefined();
  });

  it('never refuses up front by address: a working token behind a failing NAT is heard', async () => {
    const t = throttle();
    for (const c of 'cdefg') await t.recordFailure('10.0.0.9', apiToken(c));
    expect(await refusal(t.assertAllowed(apiToken('h')))).toBeUndefined();
  });

  it('answers 429 instead of 401 for the failures past the address limit', async () => {
    const statuses = await failures('10.0.0.9', [...'cdefg'].map(apiToken));
    expect(statuses).toEqual([undefined, undefined, undefined, 429, 429]);
    const over = await throttle().recordFailure('10.0.0.9', apiToken('h'));
    expect(over?.retryAfterSeconds).toBeGreaterThan(0);
    expect(over?.description).toMatch(/API-token attempts from this address/);
    expect(await throttle().recordFailure('10.0.0.8', apiToken('h'))).toBeUndefined();
  });

  it('does not count a failure with a token the cache holds as active (no guess)', async () => {
    const t = throttle([TOKEN_A]);
    const basic = parseAuthorizationHeader(
      `Basic ${Buffer.from(`bob@example.com:${TOKEN_A}`).toString('base64')}`,
    );
    for (let i = 0; i < 5; i += 1) expect(await t.recordFailure('10.0.0.7', basic)).toBeUndefined();
    expect(await store.limits.peek('api-token-failures-ip:10.0.0.7')).toBeNull();
    expect(await refusal(t.assertAllowed(basic))).toBeUndefined();
  });
});

describe('createCredentialThrottle: other bearer tokens', () => {
  it('answers 429 past their own, more generous address limit', async () => {
    const opaque = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'].map(bearer);
    expect(await failures('10.0.1.1', opaque)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      429,
      429,
    ]);
    expect((await store.limits.peek('bearer-failures-ip:10.0.1.1'))?.count).toBe(6);
  });

  it('counts apart from API-token failures of the same address', async () => {
    await failures('10.0.1.2', [...'cdef'].map(apiToken)); // over the API-token limit
    expect(await failures('10.0.1.2', [bearer('opaque')])).toEqual([undefined]);
  });

  it('never refuses a bearer token up front', async () => {
    await failures('10.0.1.3', ['o1', 'o2', 'o3', 'o4', 'o5'].map(bearer));
    expect(await refusal(throttle().assertAllowed(bearer('o1')))).toBeUndefined();
  });

  it.each<[string, PresentedCredential]>([
    ['no credential (the start of every OAuth flow)', { kind: 'none' }],
    ['an unsupported scheme', parseAuthorizationHeader('Digest abc')],
    ['a malformed bearer', parseAuthorizationHeader('Bearer a b')],
  ])('does not count %s', async (_name, credential) => {
    expect(await failures('10.0.1.4', Array(6).fill(credential))).toEqual(Array(6).fill(undefined));
    expect(await store.limits.peek('bearer-failures-ip:10.0.1.4')).toBeNull();
  });

  it('does not count a token the cache holds as active', async () => {
    const t = throttle(['real']);
    expect(await t.recordFailure('10.0.1.5', bearer('real'))).toBeUndefined();
    expect(await store.limits.peek('bearer-failures-ip:10.0.1.5')).toBeNull();
  });
});
