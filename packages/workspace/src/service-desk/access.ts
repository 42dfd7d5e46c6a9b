import type { Actor } from '../core/actor.js';
import { holdsLevel } from '../model/access.js';
import { DESK_PERMISSIONS, type DeskRecord, type RequestRecord } from '../model/service-desk.js';

/** True when the actor is at least a customer of the desk (so may see it and raise requests). */
export function canUseDesk(actor: Actor, desk: DeskRecord): boolean {
  return holdsLevel(DESK_PERMISSIONS, desk.access, actor, 'customer');
}

/** True when the actor is an agent of the desk (org admins are agents everywhere). */
export function isAgent(actor: Actor, desk: DeskRecord): boolean {
  return holdsLevel(DESK_PERMISSIONS, desk.access, actor, 'agent');
}

/**
 * True when the actor may see (and comment on) the request: an agent of its desk, or a
 * customer of the desk who reported it or takes part in it.
 */
export function canSeeRequest(actor: Actor, desk: DeskRecord, request: RequestRecord): boolean {
  if (isAgent(actor, desk)) return true;
  const involved =
    request.reporterId === actor.userId || request.participantIds.includes(actor.userId);
  return involved && canUseDesk(actor, desk);
}
