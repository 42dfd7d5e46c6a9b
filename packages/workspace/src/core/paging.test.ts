import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { excerpt } from './excerpt.js';
import { MAX_PAGE_SIZE, paginate, pagingShape } from './paging.js';

describe('paginate', () => {
  const all = [1, 2, 3, 4, 5];
  it.each([
    [0, 2, [1, 2], false],
    [2, 2, [3, 4], false],
    [4, 2, [5], true],
    [5, 2, [], true],
    [9, 2, [], true],
    [0, 5, [1, 2, 3, 4, 5], true],
  ])('startAt %i, maxResults %i', (startAt, maxResults, items, isLast) => {
    expect(paginate(all, { startAt, maxResults })).toEqual({
      items,
      total: 5,
      startAt,
      maxResults,
      isLast,
    });
  });
});

describe('pagingShape', () => {
  const schema = z.object(pagingShape);
  it.each([
    [{}, { startAt: 0, maxResults: 25 }],
    [{ maxResults: 100 }, { startAt: 0, maxResults: 100 }],
    [
      { maxResults: 101, startAt: 3 },
      { startAt: 3, maxResults: MAX_PAGE_SIZE },
    ],
  ])('%j', (input, expected) => {
    expect(schema.parse(input)).toEqual(expected);
  });
});

describe('excerpt', () => {
  const long = `${'intro '.repeat(60)}the needle is here ${'outro '.repeat(60)}`;
  it.each([
    ['short\n\ntext', '', 'short text'],
    [long, '', `${long.slice(0, 200).trim()}…`],
  ])('%#', (text, query, expected) => {
    expect(excerpt(text, query)).toBe(expected);
  });

  it('centres on the first matching word', () => {
    const cut = excerpt(long, 'needle');
    expect(cut).toContain('the needle is here');
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
  });
});
