import { z } from 'zod';
import { pagingShape } from '../core/paging.js';

/** Longest page title, in characters (Confluence's limit). */
export const MAX_TITLE_LENGTH = 255;
/** Longest page body, in characters. */
export const MAX_BODY_LENGTH = 200_000;

const required = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).trim().min(1, 'must not be empty');
const pageId = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be a numeric page id')
  .describe('Numeric page id');
const body = z.string().max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`);

/** Input schemas of the Confluence tools, by tool name. */
export const confluenceInputSchemas = {
  getConfluenceSpaces: z.object({
    searchString: z.string().trim().max(255).optional().describe('Part of a space key or name'),
    ...pagingShape,
  }),
  getConfluencePage: z.object({ pageId }),
  searchConfluenceUsingCql: z.object({
    cql: z.string().max(4000, 'must be at most 4000 characters').default(''),
    ...pagingShape,
  }),
  createConfluencePage: z.object({
    spaceKey: required(32),
    title: required(MAX_TITLE_LENGTH),
    body: body.default('').describe('Plain text or simple markdown'),
    parentId: pageId.optional(),
  }),
  updateConfluencePage: z
    .object({
      pageId,
      title: required(MAX_TITLE_LENGTH).optional(),
      body: body.optional().describe('Plain text or simple markdown; replaces the body'),
      expectedVersion: z
        .number()
        .int('must be a whole number')
        .min(1, 'must be 1 or more')
        .optional()
        .describe('The version you read; the update fails if the page changed since'),
    })
    .refine((input) => input.title !== undefined || input.body !== undefined, {
      message: 'must change the title or the body',
      path: ['body'],
    }),
  getPagesInConfluenceSpace: z.object({ spaceKey: required(32), ...pagingShape }),
};

/** Input types of the Confluence tools (before defaults apply). */
export type ConfluenceInput = {
  [K in keyof typeof confluenceInputSchemas]: z.input<(typeof confluenceInputSchemas)[K]>;
};
