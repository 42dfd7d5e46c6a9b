/**
 * Assertions the page tests share. Plain regular expressions over the rendered string: the
 * templates are ours and regular, so no HTML parser (and no new dependency) is needed.
 */
import { expect } from 'vitest';

/** Hostile strings a client name, email or scope sentence might carry. */
export const HOSTILE_VALUES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' autofocus onfocus='alert(1)",
  '`onerror=alert(1)` &amp; &#39;',
] as const;

/** Asserts what every page promises: a whole document that the CSP lets render unchanged. */
export function expectSafeDocument(doc: string): void {
  expect(doc.startsWith('<!doctype html>')).toBe(true);
  expect(doc).not.toMatch(/<script/i);
  expect(doc).not.toMatch(/<style/i);
  for (const tag of doc.match(/<[a-z][^>]*>/gi) ?? []) {
    expect(attributeNames(tag)).not.toContainEqual(expect.stringMatching(/^(style|on[a-z]+)$/i));
  }
  expect(doc.match(/<h1[\s>]/g)).toHaveLength(1);
  expect(doc).toContain('<link rel="stylesheet" href="/assets/app.css">');
}

/**
 * The attribute names of one opening tag. Escaped text holds no `<`, `>` or `"`, so a tag the
 * templates wrote is well formed: every value is double-quoted and the names are what is left.
 * A value that broke out of its quotes would leave stray names here.
 */
export function attributeNames(tag: string): string[] {
  const inner = tag.replace(/^<[a-z0-9]+/i, '').replace(/\/?>$/, '');
  return inner
    .replace(/="[^"]*"/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

/** The opening tag of the one element whose `id` is `id`; fails the test when there is none. */
export function tagWithId(doc: string, id: string): string {
  const tags = doc.match(new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`, 'g')) ?? [];
  expect(tags, `one element with id="${id}"`).toHaveLength(1);
  return tags[0] ?? '';
}

/** Every opening tag of `name` (e.g. `button`), in document order. */
export function tagsNamed(doc: string, name: string): string[] {
  return doc.match(new RegExp(`<${name}[\\s>][^>]*>?`, 'g')) ?? [];
}

/**
 * Roughly what a reader sees: inline tags removed, other tags read as a space, whitespace
 * collapsed.
 */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<\/?(strong|code|span|em|b|i|a)(\s[^>]*)?>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
