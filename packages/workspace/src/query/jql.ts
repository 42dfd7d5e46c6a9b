import type { Actor } from '../core/actor.js';
import type { UserDirectory } from '../core/directory.js';
import { ISSUE_TYPES, type IssueRecord, PRIORITIES, type ProjectRecord } from '../model/jira.js';
import type { Operand } from './ast.js';
import { type Evaluator, type FieldEvaluator, unknownValue } from './evaluate.js';
import {
  EMPTY_OPERATORS,
  EQUALITY_OPERATORS,
  type LanguageSpec,
  TEXT_OPERATORS,
} from './language.js';

/** The JQL subset the workspace understands. */
export const JQL: LanguageSpec = {
  name: 'JQL',
  inputField: 'jql',
  fields: [
    { name: 'project', operators: EQUALITY_OPERATORS },
    { name: 'status', operators: EQUALITY_OPERATORS },
    {
      name: 'assignee',
      operators: [...EQUALITY_OPERATORS, ...EMPTY_OPERATORS],
      functions: ['currentUser'],
    },
    { name: 'reporter', operators: EQUALITY_OPERATORS, functions: ['currentUser'] },
    { name: 'labels', aliases: ['label'], operators: [...EQUALITY_OPERATORS, ...EMPTY_OPERATORS] },
    { name: 'type', aliases: ['issuetype'], operators: EQUALITY_OPERATORS },
    { name: 'priority', operators: EQUALITY_OPERATORS },
    { name: 'key', aliases: ['issuekey', 'id'], operators: EQUALITY_OPERATORS },
    { name: 'summary', operators: TEXT_OPERATORS },
    { name: 'description', operators: TEXT_OPERATORS },
    { name: 'comment', operators: TEXT_OPERATORS },
    { name: 'text', operators: TEXT_OPERATORS },
  ],
  orderFields: [{ name: 'updated' }, { name: 'created' }, { name: 'key' }, { name: 'priority' }],
};

/** An issue as JQL sees it: the record plus the text of its comments. */
export interface SearchableIssue {
  issue: IssueRecord;
  commentText: string;
}

/** What resolving JQL values needs: who asks, who exists, which projects they can see. */
export interface JqlScope {
  actor: Actor;
  directory: UserDirectory;
  visibleProjects: readonly ProjectRecord[];
}

type LiteralOperand = Extract<Operand, { type: 'value' | 'function' }>;

function closedSet(field: string, known: readonly string[]) {
  return (operand: LiteralOperand) => {
    const value = operand.type === 'value' ? operand.value.toLowerCase() : '';
    const match = known.find((k) => k.toLowerCase() === value);
    if (!match) throw unknownValue(JQL, field, operand, known);
    return match;
  };
}

function userField(field: string, scope: JqlScope) {
  return (operand: LiteralOperand) => {
    if (operand.type === 'function') return scope.actor.userId;
    const user = scope.directory.resolve(operand.value);
    if (!user) throw unknownValue(JQL, field, operand);
    return user.id;
  };
}

function projectField(scope: JqlScope): FieldEvaluator<SearchableIssue> {
  return {
    values: ({ issue }) => [issue.projectKey],
    resolve: (operand) => {
      const value = operand.type === 'value' ? operand.value.toLowerCase() : '';
      const project = scope.visibleProjects.find(
        (p) => p.key.toLowerCase() === value || p.name.toLowerCase() === value,
      );
      if (!project) throw unknownValue(JQL, 'project', operand);
      return project.key;
    },
  };
}

function statusNames(projects: readonly ProjectRecord[]): string[] {
  return [...new Set(projects.flatMap((p) => p.workflow.statuses))];
}

/** Splits `OPS-12` into its project and number, for ordering by key. */
function keyParts(key: string): [string, number] {
  const dash = key.lastIndexOf('-');
  return [key.slice(0, dash), Number(key.slice(dash + 1))];
}

/** Orders issue keys by project, then number (`OPS-2` before `OPS-10`). */
export function compareIssueKeys(a: string, b: string): number {
  const [projectA, numberA] = keyParts(a);
  const [projectB, numberB] = keyParts(b);
  return projectA.localeCompare(projectB) || numberA - numberB;
}

/** The JQL evaluator over issues the scope's actor may browse. */
export function createJqlEvaluator(scope: JqlScope): Evaluator<SearchableIssue> {
  const text = (...parts: string[]) => parts.join('\n');
  return {
    spec: JQL,
    fields: {
      project: projectField(scope),
      status: {
        values: ({ issue }) => [issue.status],
        resolve: closedSet('status', statusNames(scope.visibleProjects)),
      },
      assignee: {
        values: ({ issue }) => (issue.assigneeId ? [issue.assigneeId] : []),
        resolve: userField('assignee', scope),
      },
      reporter: {
        values: ({ issue }) => [issue.reporterId],
        resolve: userField('reporter', scope),
      },
      labels: { values: ({ issue }) => issue.labels },
      type: { values: ({ issue }) => [issue.type], resolve: closedSet('type', ISSUE_TYPES) },
      priority: {
        values: ({ issue }) => [issue.priority],
        resolve: closedSet('priority', PRIORITIES),
      },
      key: { values: ({ issue }) => [issue.key, issue.id] },
      summary: { text: ({ issue }) => issue.summary },
      description: { text: ({ issue }) => issue.description },
      comment: { text: ({ commentText }) => commentText },
      text: {
        text: ({ issue, commentText }) =>
          text(issue.summary, issue.description, issue.labels.join(' '), commentText),
      },
    },
    order: {
      updated: (a, b) => a.issue.updatedAt - b.issue.updatedAt,
      created: (a, b) => a.issue.createdAt - b.issue.createdAt,
      key: (a, b) => compareIssueKeys(a.issue.key, b.issue.key),
      // Ascending means lowest first, so `priority DESC` puts Highest on top.
      priority: (a, b) =>
        PRIORITIES.indexOf(b.issue.priority) - PRIORITIES.indexOf(a.issue.priority),
    },
    defaultOrder: [{ field: 'updated', direction: 'desc' }],
    tieBreak: (a, b) => compareIssueKeys(b.issue.key, a.issue.key),
  };
}
