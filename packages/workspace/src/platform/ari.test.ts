import { describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../core/site.js';
import { issueAri, pageAri, parseResourceId } from './ari.js';

const SITE = DEMO_SITE.id;

describe('parseResourceId', () => {
  it.each([
    [issueAri(DEMO_SITE, '10001'), { type: 'issue', idOrKey: '10001' }],
    [pageAri(DEMO_SITE, '7'), { type: 'page', pageId: '7' }],
    ['ops-12', { type: 'issue', idOrKey: 'OPS-12' }],
    [`ari:cloud:jira:other-site:issue/10001`, null],
  ])('%s', (value, expected) => {
    expect(parseResourceId(DEMO_SITE, value)).toEqual(expected);
  });

  it.each([
    'page:7',
    `ari:cloud:jira:${SITE}:page/7`,
    `ari:cloud:confluence:${SITE}:issue/7`,
    `ari:cloud:jira:${SITE}:issue/OPS-1`,
  ])('rejects %s naming the expected forms', (value) => {
    expect(() => parseResourceId(DEMO_SITE, value)).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        field: 'id',
        message:
          `id: "${value}" is not an issue or page id. Use an id from search, such as ` +
          `ari:cloud:jira:${SITE}:issue/10001 or ari:cloud:confluence:${SITE}:page/12, ` +
          'or an issue key such as OPS-1.',
      }),
    );
  });
});
