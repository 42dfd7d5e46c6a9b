/** Length of an excerpt, in characters. */
export const EXCERPT_LENGTH = 200;

/**
 * A short single-line piece of `text`: around the first word of `query` found in it, or its
 * start. Ellipses mark cut ends.
 */
export function excerpt(text: string, query = ''): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const lower = flat.toLowerCase();
  const hits = query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((term) => lower.indexOf(term))
    .filter((index) => index >= 0);
  const start = Math.max(0, Math.min(...hits, flat.length) - EXCERPT_LENGTH / 4);
  const from = hits.length ? Math.min(start, flat.length - EXCERPT_LENGTH) : 0;
  const cut = flat.slice(from, from + EXCERPT_LENGTH).trim();
  return `${from > 0 ? '…' : ''}${cut}${from + EXCERPT_LENGTH < flat.length ? '…' : ''}`;
}
