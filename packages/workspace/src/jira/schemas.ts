import { z } from 'zod';
import { pagingShape } from '../core/paging.js';
import { ISSUE_TYPES, PRIORITIES, PROJECT_PERMISSIONS } from '../model/jira.js';

/** Longest summary, in characters (Jira's limit). */
export const MAX_SUMMARY_LENGTH = 255;
/** Longest description or comment, in characters (Jira's limit). */
export const MAX_TEXT_LENGTH = 32_767;

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const required = (max: number) => text(max).trim().min(1, 'must not be empty');
const issueIdOrKey = required(64).describe('Issue key (OPS-12) or numeric id');
const label = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^\S+$/, 'must not contain spaces');
/** An account id or email; null clears the assignee. */
const assignee = required(320).nullable().describe('Account id or email; null for unassigned');

const EDITABLE_FIELDS = 'summary, description, issueTypeName, priority, assignee, labels';

const editableFields = z.strictObject(
  {
    summary: required(MAX_SUMMARY_LENGTH).optional(),
    description: text(MAX_TEXT_LENGTH).optional(),
    issueTypeName: z.enum(ISSUE_TYPES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    assignee: assignee.optional(),
    labels: z.array(label).max(20, 'must hold at most 20 labels').optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `cannot change ${issue.keys.map((k) => `"${k}"`).join(', ')}; editable fields are ` +
          `${EDITABLE_FIELDS} (change the status with transitionJiraIssue)`
        : undefined,
  },
);

/** Input schemas of the Jira tools, by tool name. */
export const jiraInputSchemas = {
  getVisibleJiraProjects: z.object({
    searchString: z.string().trim().max(255).optional().describe('Part of a project key or name'),
    action: z
      .enum(PROJECT_PERMISSIONS)
      .default('browse')
      .describe('Only projects where you hold this role'),
    ...pagingShape,
  }),
  getJiraIssue: z.object({ issueIdOrKey }),
  searchJiraIssuesUsingJql: z.object({
    jql: z.string().max(4000, 'must be at most 4000 characters').default(''),
    ...pagingShape,
  }),
  createJiraIssue: z.object({
    projectKey: required(32),
    summary: required(MAX_SUMMARY_LENGTH),
    description: text(MAX_TEXT_LENGTH).default(''),
    issueTypeName: z.enum(ISSUE_TYPES).default('Task'),
    priority: z.enum(PRIORITIES).default('Medium'),
    assignee: assignee.default(null),
    labels: z.array(label).max(20, 'must hold at most 20 labels').default([]),
  }),
  editJiraIssue: z.object({
    issueIdOrKey,
    fields: editableFields.refine((fields) => Object.keys(fields).length > 0, {
      message: 'must name at least one field to change',
      when: (payload) => payload.issues.length === 0,
    }),
  }),
  addCommentToJiraIssue: z.object({ issueIdOrKey, commentBody: required(MAX_TEXT_LENGTH) }),
  getTransitionsForJiraIssue: z.object({ issueIdOrKey }),
  transitionJiraIssue: z.object({
    issueIdOrKey,
    transition: z
      .object({ id: required(32).optional(), name: required(255).optional() })
      .refine((t) => t.id !== undefined || t.name !== undefined, {
        message: 'must give an id or a name',
      }),
  }),
  lookupJiraAccountId: z.object({ searchString: required(255) }),
};

/** Input types of the Jira tools (before defaults apply). */
export type JiraInput = {
  [K in keyof typeof jiraInputSchemas]: z.input<(typeof jiraInputSchemas)[K]>;
};
