import { InvalidArgumentError } from './errors.js';

/**
 * Serialises a value for storage. Rejects (instead of storing the string `undefined`) what JSON
 * cannot hold at the top level: `undefined`, a function, a symbol. Nested values follow
 * `JSON.stringify`: `undefined` properties vanish, `Date`s become ISO strings, `NaN` becomes null.
 */
export function toJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InvalidArgumentError(`value cannot be stored as JSON: ${(error as Error).message}`);
  }
  if (text === undefined) throw new InvalidArgumentError('value cannot be stored as JSON');
  return text;
}

/** Parses a stored JSON text. The caller names the expected type; storage only holds our own writes. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** A deep copy through JSON: exactly what a value looks like after a round trip through storage. */
export function copyJson<T>(value: T): T {
  return fromJson<T>(toJson(value));
}

/**
 * Canonical JSON: the JSON round trip of `value`, with object keys sorted recursively (by UTF-16
 * code units, as `Array.prototype.sort` does) and no whitespace. Two values that store the same
 * always give the same text, which is what the audit hash chain needs.
 */
export function canonicalJson(value: unknown): string {
  return stringifySorted(copyJson(value));
}

function stringifySorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringifySorted).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const members = Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stringifySorted(object[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
