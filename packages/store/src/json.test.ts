import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors.js';
import { canonicalJson, copyJson, toJson } from './json.js';

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['sorts keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    [
      'sorts nested keys, keeps array order',
      { z: [{ y: 1, x: 2 }], a: null },
      '{"a":null,"z":[{"x":2,"y":1}]}',
    ],
    ['drops undefined properties like JSON does', { a: undefined, b: 1 }, '{"b":1}'],
    ['turns a Date into its JSON string', { at: new Date(0) }, '{"at":"1970-01-01T00:00:00.000Z"}'],
    ['writes no whitespace', { a: [1, 2, { b: 'c d' }] }, '{"a":[1,2,{"b":"c d"}]}'],
    ['sorts by UTF-16 code units', { b: 1, B: 2, é: 3 }, '{"B":2,"b":1,"é":3}'],
    ['keeps scalars', 'x', '"x"'],
    ['turns NaN into null', { n: Number.NaN }, '{"n":null}'],
  ])('%s', (_, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives the same text before and after a storage round trip', () => {
    const value = { b: { d: [1, { f: true, e: -0 }], c: 'x' }, a: 1.5 };
    expect(canonicalJson(copyJson(value))).toBe(canonicalJson(value));
  });
});

describe('toJson', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a BigInt', 1n],
  ])('refuses %s', (_, value) => {
    expect(() => toJson(value)).toThrow(InvalidArgumentError);
  });
});
