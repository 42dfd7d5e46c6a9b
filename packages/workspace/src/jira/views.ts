import type { Actor } from '../core/actor.js';
import { type CommentView, commentView } from '../core/comments.js';
import { isoTime, type UserDirectory, type UserRef } from '../core/directory.js';
import type { Site } from '../core/site.js';
import type {
  CommentRecord,
  IssueRecord,
  IssueType,
  Priority,
  ProjectPermission,
  ProjectRecord,
} from '../model/jira.js';
import { projectPermissionOf } from './access.js';

/** A project as answers show it. */
export interface ProjectView {
  key: string;
  name: string;
  description: string;
  lead: UserRef;
  url: string;
  /** The asking user's role in the project. */
  myPermission: ProjectPermission;
}

/** An issue as search results show it (no comments). */
export interface IssueSummaryView {
  id: string;
  key: string;
  url: string;
  project: { key: string; name: string };
  summary: string;
  description: string;
  type: IssueType;
  status: string;
  priority: Priority;
  assignee: UserRef | null;
  reporter: UserRef;
  labels: string[];
  /** ISO 8601. */
  created: string;
  /** ISO 8601. */
  updated: string;
}

/** An issue with its comments, oldest first. */
export interface IssueView extends IssueSummaryView {
  comments: CommentView[];
}

export function projectView(
  project: ProjectRecord,
  actor: Actor,
  directory: UserDirectory,
  site: Site,
): ProjectView {
  return {
    key: project.key,
    name: project.name,
    description: project.description,
    lead: directory.ref(project.leadId),
    url: `${site.url}/jira/projects/${project.key}`,
    myPermission: projectPermissionOf(actor, project) ?? 'browse',
  };
}

/** The link to an issue on the site. */
export function issueUrl(site: Site, key: string): string {
  return `${site.url}/browse/${key}`;
}

export function issueSummaryView(
  issue: IssueRecord,
  project: ProjectRecord,
  directory: UserDirectory,
  site: Site,
): IssueSummaryView {
  return {
    id: issue.id,
    key: issue.key,
    url: issueUrl(site, issue.key),
    project: { key: project.key, name: project.name },
    summary: issue.summary,
    description: issue.description,
    type: issue.type,
    status: issue.status,
    priority: issue.priority,
    assignee: directory.refOrNull(issue.assigneeId),
    reporter: directory.ref(issue.reporterId),
    labels: [...issue.labels],
    created: isoTime(issue.createdAt),
    updated: isoTime(issue.updatedAt),
  };
}

export function issueView(
  issue: IssueRecord,
  project: ProjectRecord,
  comments: readonly CommentRecord[],
  directory: UserDirectory,
  site: Site,
): IssueView {
  return {
    ...issueSummaryView(issue, project, directory, site),
    comments: comments.map((comment) => commentView(comment, directory)),
  };
}
