import { hashTokenValue } from '@gatehouse/store';
import { describe, expect, it } from 'vitest';
import type { IntrospectionResult, TokenClaims } from './introspection.js';
import { IntrospectionUnavailableError } from './introspection.js';
import { createIntrospectionCache } from './introspection-cache.js';

const T0 = 1_700_000_000_000;

function claims(overrides: Partial<TokenClaims> = {}): TokenClaims {
  return {
    subject: 'user-alice',
    clientId: 'client-1',
    scopes: ['read:me'],
    audiences: ['https://mcp.example.com/mcp'],
    expiresAt: T0 / 1000 + 3600,
    email: 'alice@example.com',
    authMethod: 'oauth',
    apiTokenId: undefined,
    ...overrides,
  };
}

const active = (overrides: Partial<TokenClaims> = {}): IntrospectionResult => ({
  active: true,
  claims: claims(overrides),
});

/** A cache over a fake introspector that counts calls, with a clock the test moves. */
function setup(answers: Record<string, IntrospectionResult | Error>, maxEntries = 100) {
  let clock = T0;
  const calls: string[] = [];
  const cache = createIntrospectionCache({
    introspect: async (token) => {
      calls.push(token);
      const answer = answers[token] ?? { active: false };
      if (answer instanceof Error) throw answer;
      return answer;
    },
    activeTtlMs: 60_000,
    inactiveTtlMs: 5_000,
    maxEntries,
    now: () => clock,
  });
  return { cache, calls, advance: (ms: number) => (clock += ms) };
}

describe('how long a result is reused', () => {
  it.each<[string, IntrospectionResult, number, number]>([
    ['an active token: up to the bound', active(), 59_999, 1],
    ['an active token: not past the bound', active(), 60_000, 2],
    [
      'an active token expiring sooner: up to its exp',
      active({ expiresAt: T0 / 1000 + 10 }),
      9_999,
      1,
    ],
    [
      'an active token expiring sooner: not past its exp',
      active({ expiresAt: T0 / 1000 + 10 }),
      10_000,
      2,
    ],
    ['an inactive token: briefly', { active: false }, 4_999, 1],
    ['an inactive token: not past its bound', { active: false }, 5_000, 2],
    ['an already expired token: never', active({ expiresAt: T0 / 1000 - 1 }), 0, 2],
  ])('%s', async (_name, answer, elapsedMs, expectedCalls) => {
    const { cache, calls, advance } = setup({ t: answer });
    expect(await cache.check('t')).toEqual(answer);
    advance(elapsedMs);
    expect(await cache.check('t')).toEqual(answer);
    expect(calls).toHaveLength(expectedCalls);
  });
});

describe('single flight', () => {
  it('shares one introspection call among concurrent checks of one token', async () => {
    const { cache, calls } = setup({ a: active(), b: active({ subject: 'user-bob' }) });
    const results = await Promise.all([cache.check('a'), cache.check('a'), cache.check('b')]);
    expect(results[0]).toBe(results[1]);
    expect(calls).toEqual(['a', 'b']);
  });

  it('never caches a failure: the next check asks again', async () => {
    const { cache, calls } = setup({ t: new IntrospectionUnavailableError('down') });
    const checks = [cache.check('t'), cache.check('t')];
    await expect(checks[0]).rejects.toThrow('down');
    await expect(checks[1]).rejects.toThrow('down');
    await expect(cache.check('t')).rejects.toBeInstanceOf(IntrospectionUnavailableError);
    expect(calls).toEqual(['t', 't']);
    expect(cache.size()).toBe(0);
  });
});

describe('peekActive', () => {
  it.each<[string, IntrospectionResult | undefined, number, boolean]>([
    ['never checked', undefined, 0, false],
    ['cached active', active(), 0, true],
    ['cached active, but stale', active(), 60_000, false],
    ['cached inactive', { active: false }, 0, false],
  ])('%s → %s', async (_name, answer, elapsedMs, expected) => {
    const { cache, calls, advance } = setup(answer === undefined ? {} : { t: answer });
    if (answer !== undefined) await cache.check('t');
    advance(elapsedMs);
    expect(cache.peekActive('t')).toBe(expected);
    expect(calls).toHaveLength(answer === undefined ? 0 : 1); // peeking never introspects
  });

  it('does not count as a use: the peeked entry is still the first evicted', async () => {
    const { cache, calls } = setup({ a: active(), b: active(), c: active() }, 2);
    await cache.check('a');
    await cache.check('b');
    expect(cache.peekActive('a')).toBe(true);
    await cache.check('c'); // evicts a, the least recently *checked*
    expect(cache.peekActive('a')).toBe(false);
    expect(calls).toEqual(['a', 'b', 'c']);
  });
});

describe('size bound', () => {
  it('drops the least recently used entry', async () => {
    const { cache, calls } = setup({ a: active(), b: active(), c: active() }, 2);
    await cache.check('a');
    await cache.check('b');
    await cache.check('a'); // a is now the most recently used
    await cache.check('c'); // evicts b
    expect(cache.size()).toBe(2);
    await cache.check('a');
    await cache.check('b');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });
});

describe('inactive entries under their own bound', () => {
  const bad = (i: number) => `bad-${i}`;

  it('a flood of bad tokens never evicts an active entry', async () => {
    const { cache, calls } = setup({ a: active(), b: active() }, 10);
    await cache.check('a');
    await cache.check('b');
    for (let i = 0; i < 1000; i += 1) await cache.check(bad(i));
    expect(cache.size()).toBe(3); // a, b and one inactive entry (10 % of 10)
    await cache.check('a');
    await cache.check('b');
    expect(calls.filter((token) => !token.startsWith('bad-'))).toEqual(['a', 'b']);
  });

  it.each<[number, number]>([
    [10, 1],
    [100, 10],
    [10_000, 1000],
  ])(
    'with maxEntries %i, keeps at most %i inactive entries, the most recent',
    async (max, kept) => {
      const { cache, calls } = setup({}, max);
      for (let i = 0; i <= kept; i += 1) await cache.check(bad(i));
      expect(cache.size()).toBe(kept);
      await cache.check(bad(kept)); // the newest is still cached
      await cache.check(bad(0)); // the oldest was evicted
      expect(calls.slice(kept + 1)).toEqual([bad(0)]);
    },
  );

  it('evicts inactive entries before active ones when the cache is full', async () => {
    const answers = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`ok-${i}`, active()] as const),
    );
    const { cache, calls } = setup(answers, 10);
    for (let i = 0; i < 9; i += 1) await cache.check(`ok-${i}`);
    await cache.check('bad'); // full: 9 active + 1 inactive
    await cache.check('ok-9'); // evicts 'bad', not 'ok-0'
    expect(cache.size()).toBe(10);
    for (let i = 0; i < 10; i += 1) await cache.check(`ok-${i}`);
    await cache.check('bad');
    expect(calls.slice(11)).toEqual(['bad']);
  });

  it('reports only active entries through peekActive, whichever list holds them', async () => {
    const { cache } = setup({ a: active() }, 10);
    await cache.check('a');
    await cache.check('nope');
    expect([cache.peekActive('a'), cache.peekActive('nope')]).toEqual([true, false]);
  });
});

describe('store events', () => {
  const answers = {
    oauth: active(),
    other: active({ clientId: 'client-2', subject: 'user-bob' }),
    api: active({ authMethod: 'api_token', clientId: 'api-token:t1', apiTokenId: 't1' }),
    bad: { active: false } as const,
  };

  it.each<[string, Parameters<ReturnType<typeof setup>['cache']['handleEvent']>[0], string[]]>([
    [
      'token.revoked drops that token',
      { type: 'token.revoked', tokenHash: hashTokenValue('oauth') },
      ['oauth'],
    ],
    [
      'api_token.revoked drops that token',
      { type: 'api_token.revoked', tokenId: 't1', tokenHash: hashTokenValue('api') },
      ['api'],
    ],
    [
      'grant.revoked drops every OAuth token',
      { type: 'grant.revoked', grantId: 'g1' },
      ['oauth', 'other'],
    ],
    [
      'user.disabled drops that user’s credentials, OAuth and API token alike',
      { type: 'user.disabled', userId: 'user-bob' },
      ['other'],
    ],
    [
      'settings.changed drops everything',
      { type: 'settings.changed', orgId: 'demo', version: 2 },
      ['oauth', 'other', 'api', 'bad'],
    ],
  ])('%s', async (_name, event, reasked) => {
    const { cache, calls } = setup(answers);
    const tokens = Object.keys(answers);
    for (const token of tokens) await cache.check(token);
    cache.handleEvent(event);
    for (const token of tokens) await cache.check(token);
    expect(calls.slice(tokens.length)).toEqual(reasked);
  });

  it('does not store a result that was in flight when its token was revoked', async () => {
    let release: (value: IntrospectionResult) => void = () => {};
    const cache = createIntrospectionCache({
      introspect: () => new Promise((resolve) => (release = resolve)),
      activeTtlMs: 60_000,
      inactiveTtlMs: 5_000,
      maxEntries: 10,
      now: () => T0,
    });
    const pending = cache.check('t');
    cache.handleEvent({ type: 'token.revoked', tokenHash: hashTokenValue('t') });
    release(active());
    expect((await pending).active).toBe(true);
    expect(cache.size()).toBe(0);
  });
});
