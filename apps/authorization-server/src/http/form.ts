/**
 * A field of a parsed form body as a string: `''` when the body or the field is missing, or the
 * field is not a single string (a repeated field arrives as an array). Callers validate the
 * value itself; this only keeps non-strings out.
 */
export function formString(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : '';
}
