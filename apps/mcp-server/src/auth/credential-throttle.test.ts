import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type Store } from '@gatehouse/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequestError } from '../http/errors.js';
import { createApiTokenThrottle, presentedApiToken } from './credential-throttle.js';
import { parseAuthorizationHeader } from './credentials.js';

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

describe('createApiTokenThrottle', () => {
  const limits = {
    perIp: { failures: 3, windowSeconds: 60 },
    perPrefix: { failures: 2, windowSeconds: 60 },
  };
  const token = (c: string) => `gat_${c.repeat(43)}_000000`;

  function throttle(active: readonly string[] = []) {
    return createApiTokenThrottle(store.limits, {
      ...limits,
      isKnownActive: (t) => active.includes(t),
    });
  }

  async function refusal(promise: Promise<void>): Promise<RequestError | undefined> {
    return promise.then(
      () => undefined,
      (error: unknown) => (error instanceof RequestError ? error : undefined),
    );
  }

  it('refuses a token up front after its failures, from any address, with the wait', async () => {
    const t = throttle();
    await t.recordFailure('10.0.0.1', TOKEN_A);
    expect(await refusal(t.assertTokenAllowed(TOKEN_A))).toBeUndefined();
    await t.recordFailure('10.0.0.2', TOKEN_A);
    const refused = await refusal(t.assertTokenAllowed(TOKEN_A));
    expect(refused?.status).toBe(429);
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await refusal(t.assertTokenAllowed(TOKEN_B))).toBeUndefined();
  });

  it('never refuses up front by address: a working token behind a failing NAT is heard', async () => {
    const t = throttle();
    for (const c of 'cdefg') await t.recordFailure('10.0.0.9', token(c));
    expect(await refusal(t.assertTokenAllowed(token('h')))).toBeUndefined();
  });

  it('answers 429 instead of 401 for the failures past the address limit', async () => {
    const t = throttle();
    const answers = [];
    for (const c of 'cdefg') answers.push((await t.recordFailure('10.0.0.9', token(c)))?.status);
    expect(answers).toEqual([undefined, undefined, undefined, 429, 429]);
    const over = await t.recordFailure('10.0.0.9', token('h'));
    expect(over?.retryAfterSeconds).toBeGreaterThan(0);
    expect(over?.description).toMatch(/from this address/);
    expect(await t.recordFailure('10.0.0.8', token('h'))).toBeUndefined();
  });

  it('does not count a failure with a token the cache holds as active (no guess)', async () => {
    const t = throttle([TOKEN_A]);
    for (let i = 0; i < 5; i += 1)
      expect(await t.recordFailure('10.0.0.7', TOKEN_A)).toBeUndefined();
    expect(await store.limits.peek('api-token-failures-ip:10.0.0.7')).toBeNull();
    expect(await refusal(t.assertTokenAllowed(TOKEN_A))).toBeUndefined();
  });
});
