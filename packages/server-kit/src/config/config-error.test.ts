import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, formatIssues, parseEnv, refuseInProduction } from './config-error.js';

const Schema = z.object({
  PORT: z.coerce.number().int().min(1),
  NAME: z.string().min(3, 'must be at least 3 characters').default('app'),
});

describe('parseEnv', () => {
  it('returns the parsed values, defaults applied', () => {
    expect(parseEnv(Schema, { PORT: '80' })).toEqual({ PORT: 80, NAME: 'app' });
  });

  it.each<[NodeJS.ProcessEnv, string[]]>([
    [{ PORT: 'eighty' }, ['- PORT: ']],
    [{ PORT: '80', NAME: 'ab' }, ['- NAME: must be at least 3 characters']],
    [{ NAME: 'x' }, ['- PORT: ', '- NAME: must be at least 3 characters']],
  ])('refuses %j, naming every problem', (env, fragments) => {
    expect(() => parseEnv(Schema, env)).toThrow(ConfigError);
    expect(() => parseEnv(Schema, env)).toThrow(/^Invalid environment:\n/);
    for (const fragment of fragments) expect(() => parseEnv(Schema, env)).toThrow(fragment);
  });
});

describe('formatIssues', () => {
  it('writes one line per issue with its path', () => {
    const parsed = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(formatIssues(parsed.error)).toMatch(/^- a\.b: .+$/);
  });
});

describe('refuseInProduction', () => {
  it.each<[string[], string | undefined]>([
    [[], undefined],
    [['X is off.'], 'Refusing to start in production mode:\n- X is off.'],
    [['X is off.', 'Y is set.'], 'Refusing to start in production mode:\n- X is off.\n- Y is set.'],
  ])('with problems %j throws %j', (problems, message) => {
    if (message === undefined) {
      expect(() => refuseInProduction(problems)).not.toThrow();
    } else {
      expect(() => refuseInProduction(problems)).toThrow(new ConfigError(message));
    }
  });

  it('names its error class', () => {
    expect(new ConfigError('x')).toMatchObject({ name: 'ConfigError', message: 'x' });
  });
});
