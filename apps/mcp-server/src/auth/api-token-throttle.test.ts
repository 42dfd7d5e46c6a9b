import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type Store } from '@gatehouse/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequestError } from '../http/errors.js';
import { createApiTokenThrottle, presentedApiToken } from './api-token-throttle.js';
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

  async function refusal(promise: Promise<void>): Promise<RequestError | undefined> {
    return promise.then(
      () => undefined,
      (error: unknown) => (error instanceof RequestError ? error : undefined),
    );
  }

  it('refuses a token after its failures, with the wait, and leaves other tokens alone', async () => {
    const throttle = createApiTokenThrottle(store.limits, limits);
    await throttle.recordFailure('10.0.0.1', TOKEN_A);
    expect(await refusal(throttle.assertAllowed('10.0.0.1', TOKEN_A))).toBeUndefined();
    await throttle.recordFailure('10.0.0.2', TOKEN_A);
    const refused = await refusal(throttle.assertAllowed('10.0.0.3', TOKEN_A));
    expect(refused?.status).toBe(429);
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await refusal(throttle.assertAllowed('10.0.0.3', TOKEN_B))).toBeUndefined();
  });

  it('refuses an address after its failures, whatever the token', async () => {
    const throttle = createApiTokenThrottle(store.limits, limits);
    for (const token of [TOKEN_A, TOKEN_B, `gat_${'c'.repeat(43)}_000000`]) {
      await throttle.recordFailure('10.0.0.9', token);
    }
    expect(
      (await refusal(throttle.assertAllowed('10.0.0.9', `gat_${'d'.repeat(43)}_000000`)))?.status,
    ).toBe(429);
    expect(
      await refusal(throttle.assertAllowed('10.0.0.8', `gat_${'d'.repeat(43)}_000000`)),
    ).toBeUndefined();
  });
});
