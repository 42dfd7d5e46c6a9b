import type { AccessGrants } from './access.js';

/** Project roles, lowest first: each includes the ones before it. */
export const PROJECT_PERMISSIONS = ['browse', 'create', 'administer'] as const;
/**
 * - `browse`: see the project, its issues and their comments.
 * - `create`: also create issues, comment, and edit or transition issues one reported or is
 *   assigned to.
 * - `administer`: also edit and transition every issue in the project.
 */
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number];

export const ISSUE_TYPES = ['Task', 'Bug', 'Story', 'Epic'] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

/** Highest first; `ORDER BY priority DESC` puts `Highest` on top. */
export const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** One allowed move between statuses. */
export interface WorkflowTransition {
  /** Stable id, as Jira numbers them (`11`, `21`, ...). */
  id: string;
  name: string;
  /** Statuses it starts from. */
  from: string[];
  to: string;
}

export interface Workflow {
  /** Status names in board order. */
  statuses: string[];
  transitions: WorkflowTransition[];
}

/** The workflow every demo project uses. */
export const DEFAULT_WORKFLOW: Workflow = {
  statuses: ['To Do', 'In Progress', 'In Review', 'Done'],
  transitions: [
    { id: '11', name: 'Start progress', from: ['To Do'], to: 'In Progress' },
    { id: '21', name: 'Submit for review', from: ['In Progress'], to: 'In Review' },
    { id: '31', name: 'Request changes', from: ['In Review'], to: 'In Progress' },
    { id: '41', name: 'Done', from: ['To Do', 'In Progress', 'In Review'], to: 'Done' },
    { id: '51', name: 'Stop progress', from: ['In Progress'], to: 'To Do' },
    { id: '61', name: 'Reopen', from: ['Done'], to: 'To Do' },
  ],
};

/** Stored under kind `jira.project`, id = key. */
export interface ProjectRecord {
  /** Upper-case letters, e.g. `OPS`. */
  key: string;
  name: string;
  description: string;
  leadId: string;
  access: AccessGrants<ProjectPermission>;
  workflow: Workflow;
  createdAt: number;
}

/** Stored under kind `jira.issue`, id = key. */
export interface IssueRecord {
  /** Numeric id as a string, e.g. `10012`. */
  id: string;
  /** `OPS-12`. */
  key: string;
  projectKey: string;
  summary: string;
  /** Plain text or simple markdown. */
  description: string;
  type: IssueType;
  status: string;
  priority: Priority;
  assigneeId: string | null;
  reporterId: string;
  labels: string[];
  createdAt: number;
  updatedAt: number;
}

/** Stored under `jira.comment`, `jsm.comment` and `bitbucket.comment`, id = sequence number. */
export interface CommentRecord {
  id: string;
  /** The issue key, request key or pull-request id the comment belongs to. */
  parentId: string;
  authorId: string;
  body: string;
  createdAt: number;
}
