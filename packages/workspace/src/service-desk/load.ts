import type { Actor } from '../core/actor.js';
import type { CommentStorage } from '../core/comments.js';
import type { WorkspaceContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { KINDS, SEQUENCES } from '../model/kinds.js';
import type { DeskRecord, RequestRecord } from '../model/service-desk.js';
import { canSeeRequest, canUseDesk } from './access.js';

/** Where request comments live. */
export const REQUEST_COMMENT_STORAGE: CommentStorage = {
  kind: KINDS.requestComment,
  sequence: SEQUENCES.requestComment,
};

/** A desk the actor may use; `not_found` otherwise, same as for a missing one. */
export async function loadUsableDesk(
  ctx: WorkspaceContext,
  actor: Actor,
  key: string,
): Promise<DeskRecord> {
  const desk = await ctx.records.get<DeskRecord>(KINDS.desk, key.toUpperCase());
  if (!desk || !canUseDesk(actor, desk)) throw notFound(`Service desk ${key}`);
  return desk;
}

/** A request the actor may see, with its desk; `not_found` otherwise. */
export async function loadVisibleRequest(
  ctx: WorkspaceContext,
  actor: Actor,
  key: string,
): Promise<{ request: RequestRecord; desk: DeskRecord }> {
  const request = await ctx.records.get<RequestRecord>(KINDS.request, key.toUpperCase());
  const desk = request ? await ctx.records.get<DeskRecord>(KINDS.desk, request.deskKey) : null;
  if (!request || !desk || !canSeeRequest(actor, desk, request)) {
    throw notFound(`Request ${key}`);
  }
  return { request, desk };
}
