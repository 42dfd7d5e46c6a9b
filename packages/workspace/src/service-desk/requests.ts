import type { Actor } from '../core/actor.js';
import { appendComment, type CommentView, commentView, loadComments } from '../core/comments.js';
import type { WorkspaceContext } from '../core/context.js';
import { loadDirectory } from '../core/directory.js';
import { conflict, invalidInput } from '../core/errors.js';
import { type Page, paginate } from '../core/paging.js';
import { parseInput } from '../core/validation.js';
import { KINDS, SEQUENCES } from '../model/kinds.js';
import type { DeskRecord, RequestRecord } from '../model/service-desk.js';
import { canSeeRequest } from './access.js';
import { loadUsableDesk, loadVisibleRequest, REQUEST_COMMENT_STORAGE } from './load.js';
import { type ServiceDeskInput, serviceDeskInputSchemas } from './schemas.js';
import {
  type RequestSummaryView,
  type RequestView,
  requestSummaryView,
  requestView,
} from './views.js';

/**
 * Requests the actor may see (all of a desk for its agents, one's own for customers),
 * optionally of one desk or status, newest first.
 */
export async function listServiceDeskRequests(
  ctx: WorkspaceContext,
  actor: Actor,
  input: ServiceDeskInput['listServiceDeskRequests'],
): Promise<Page<RequestSummaryView>> {
  const { deskKey, status, ...paging } = parseInput(
    serviceDeskInputSchemas.listServiceDeskRequests,
    input,
  );
  const onlyDesk = deskKey ? await loadUsableDesk(ctx, actor, deskKey) : null;
  const desks = new Map(
    (await ctx.records.list<DeskRecord>(KINDS.desk)).map((desk) => [desk.key, desk]),
  );
  const requests = (await ctx.records.list<RequestRecord>(KINDS.request))
    .filter((request) => !onlyDesk || request.deskKey === onlyDesk.key)
    .filter((request) => !status || request.status === status)
    .filter((request) => {
      const desk = desks.get(request.deskKey);
      return desk !== undefined && canSeeRequest(actor, desk, request);
    })
    .sort((a, b) => b.createdAt - a.createdAt || b.key.localeCompare(a.key));
  const directory = await loadDirectory(ctx);
  const page = paginate(requests, paging);
  return {
    ...page,
    items: page.items.map((request) =>
      requestSummaryView(request, desks.get(request.deskKey) as DeskRecord, directory, ctx.site),
    ),
  };
}

/** One request with its comments; `not_found` when missing or not the actor's to see. */
export async function getServiceDeskRequest(
  ctx: WorkspaceContext,
  actor: Actor,
  input: ServiceDeskInput['getServiceDeskRequest'],
): Promise<RequestView> {
  const { requestKey } = parseInput(serviceDeskInputSchemas.getServiceDeskRequest, input);
  const { request, desk } = await loadVisibleRequest(ctx, actor, requestKey);
  const comments = await loadComments(ctx, REQUEST_COMMENT_STORAGE, request.key);
  return requestView(request, desk, comments, await loadDirectory(ctx), ctx.site);
}

/** Raises a request as the actor; needs to be a customer (or agent) of the desk. */
export async function createServiceDeskRequest(
  ctx: WorkspaceContext,
  actor: Actor,
  input: ServiceDeskInput['createServiceDeskRequest'],
): Promise<RequestView> {
  const fields = parseInput(serviceDeskInputSchemas.createServiceDeskRequest, input);
  const desk = await loadUsableDesk(ctx, actor, fields.deskKey);
  const requestType = desk.requestTypes.find(
    (type) => type.toLowerCase() === fields.requestType.toLowerCase(),
  );
  if (!requestType) {
    throw invalidInput(
      'requestType',
      `requestType: desk ${desk.key} has no request type "${fields.requestType}". ` +
        `Its request types: ${desk.requestTypes.join(', ')}.`,
    );
  }
  const number = await ctx.records.nextSequence(SEQUENCES.requestKey(desk.key));
  const now = ctx.now();
  const request: RequestRecord = {
    key: `${desk.key}-${number}`,
    deskKey: desk.key,
    requestType,
    summary: fields.summary,
    description: fields.description,
    status: 'Waiting for support',
    reporterId: actor.userId,
    participantIds: [],
    createdAt: now,
    updatedAt: now,
  };
  if (!(await ctx.records.create(KINDS.request, request.key, request))) {
    throw conflict(`Request key ${request.key} is already taken; please try again.`);
  }
  return requestView(request, desk, [], await loadDirectory(ctx), ctx.site);
}

/** Comments on a request the actor may see (agents on any of their desk's requests). */
export async function addServiceDeskRequestComment(
  ctx: WorkspaceContext,
  actor: Actor,
  input: ServiceDeskInput['addServiceDeskRequestComment'],
): Promise<CommentView> {
  const { requestKey, commentBody } = parseInput(
    serviceDeskInputSchemas.addServiceDeskRequestComment,
    input,
  );
  const { request } = await loadVisibleRequest(ctx, actor, requestKey);
  const comment = await appendComment(ctx, REQUEST_COMMENT_STORAGE, {
    parentId: request.key,
    authorId: actor.userId,
    body: commentBody,
  });
  await ctx.records.put(KINDS.request, request.key, { ...request, updatedAt: comment.createdAt });
  return commentView(comment, await loadDirectory(ctx));
}
