import { type CommentView, commentView } from '../core/comments.js';
import { isoTime, type UserDirectory, type UserRef } from '../core/directory.js';
import type { Site } from '../core/site.js';
import type { CommentRecord } from '../model/jira.js';
import type { DeskRecord, RequestRecord, RequestStatus } from '../model/service-desk.js';

/** A customer request as lists show it. */
export interface RequestSummaryView {
  key: string;
  url: string;
  desk: { key: string; name: string };
  requestType: string;
  summary: string;
  status: RequestStatus;
  reporter: UserRef;
  participants: UserRef[];
  /** ISO 8601. */
  created: string;
  /** ISO 8601. */
  updated: string;
}

/** A customer request with its description and comments. */
export interface RequestView extends RequestSummaryView {
  description: string;
  comments: CommentView[];
}

export function requestSummaryView(
  request: RequestRecord,
  desk: DeskRecord,
  directory: UserDirectory,
  site: Site,
): RequestSummaryView {
  return {
    key: request.key,
    url: `${site.url}/servicedesk/customer/portal/${desk.key}/${request.key}`,
    desk: { key: desk.key, name: desk.name },
    requestType: request.requestType,
    summary: request.summary,
    status: request.status,
    reporter: directory.ref(request.reporterId),
    participants: request.participantIds.map((id) => directory.ref(id)),
    created: isoTime(request.createdAt),
    updated: isoTime(request.updatedAt),
  };
}

export function requestView(
  request: RequestRecord,
  desk: DeskRecord,
  comments: readonly CommentRecord[],
  directory: UserDirectory,
  site: Site,
): RequestView {
  return {
    ...requestSummaryView(request, desk, directory, site),
    description: request.description,
    comments: comments.map((comment) => commentView(comment, directory)),
  };
}
