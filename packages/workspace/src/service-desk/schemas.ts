import { z } from 'zod';
import { pagingShape } from '../core/paging.js';
import { REQUEST_STATUSES } from '../model/service-desk.js';

/** Longest request summary, in characters. */
export const MAX_REQUEST_SUMMARY_LENGTH = 255;
/** Longest request description or comment, in characters. */
export const MAX_REQUEST_TEXT_LENGTH = 32_767;

const required = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).trim().min(1, 'must not be empty');
const requestKey = required(64).describe('Request key, e.g. HELP-3');

/** Input schemas of the service-desk tools, by tool name. */
export const serviceDeskInputSchemas = {
  listServiceDeskRequests: z.object({
    deskKey: required(32).optional(),
    status: z.enum(REQUEST_STATUSES).optional(),
    ...pagingShape,
  }),
  getServiceDeskRequest: z.object({ requestKey }),
  createServiceDeskRequest: z.object({
    deskKey: required(32),
    requestType: required(255),
    summary: required(MAX_REQUEST_SUMMARY_LENGTH),
    description: z
      .string()
      .max(MAX_REQUEST_TEXT_LENGTH, `must be at most ${MAX_REQUEST_TEXT_LENGTH} characters`)
      .default(''),
  }),
  addServiceDeskRequestComment: z.object({
    requestKey,
    commentBody: required(MAX_REQUEST_TEXT_LENGTH),
  }),
};

/** Input types of the service-desk tools (before defaults apply). */
export type ServiceDeskInput = {
  [K in keyof typeof serviceDeskInputSchemas]: z.input<(typeof serviceDeskInputSchemas)[K]>;
};
