import type { AccessGrants } from './access.js';

/** Desk roles, lowest first: each includes the ones before it. */
export const DESK_PERMISSIONS = ['customer', 'agent'] as const;
/**
 * - `customer`: raise requests and see, and comment on, requests one reported or takes
 *   part in.
 * - `agent`: see and comment on every request of the desk.
 */
export type DeskPermission = (typeof DESK_PERMISSIONS)[number];

export const REQUEST_STATUSES = [
  'Waiting for support',
  'In progress',
  'Waiting for customer',
  'Resolved',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Stored under kind `jsm.desk`, id = key. */
export interface DeskRecord {
  key: string;
  name: string;
  description: string;
  /** Request types customers can pick, e.g. `Get IT help`. */
  requestTypes: string[];
  access: AccessGrants<DeskPermission>;
}

/** Stored under kind `jsm.request`, id = key (`HELP-3`). */
export interface RequestRecord {
  key: string;
  deskKey: string;
  requestType: string;
  summary: string;
  description: string;
  status: RequestStatus;
  reporterId: string;
  participantIds: string[];
  createdAt: number;
  updatedAt: number;
}
