/**
 * Every tool call, allowed or refused, leaves one audit event (`tool.call`) and one log line.
 * Neither carries a token or the call's arguments: only who, which tool, how it ended and why.
 * The tool name is the client's and may be any length, so it is recorded bounded
 * (`recordableToolName`).
 */
import type { AuditOutcome, AuditStore } from '@gatehouse/store';
import type { Logger } from 'pino';
import type { Principal } from '../auth/authenticate.js';
import { recordableToolName } from './tool-name.js';

/** One tool call's outcome. */
export interface ToolCallRecord {
  /** The name as the client sent it (recorded bounded). */
  tool: string;
  outcome: AuditOutcome;
  /** Why it was refused or failed: a denial reason or a workspace error code. */
  reason?: string;
  principal: Principal;
  ip: string;
  /** How long it took, in milliseconds. */
  ms: number;
}

/** Writes a `ToolCallRecord`; never rejects (an audit failure is logged, not thrown). */
export type ToolCallAudit = (record: ToolCallRecord) => Promise<void>;

export function createToolCallAudit(deps: {
  audit: Pick<AuditStore, 'append'>;
  orgId: string;
  logger: Logger;
}): ToolCallAudit {
  return async function recordToolCall(record) {
    const { principal } = record;
    const tool = recordableToolName(record.tool);
    const details = {
      tool,
      authMethod: principal.authMethod,
      ...(record.reason === undefined ? {} : { reason: record.reason }),
    };
    deps.logger.info(
      {
        ...details,
        outcome: record.outcome,
        userId: principal.actor.userId,
        clientId: principal.clientId,
        ms: record.ms,
      },
      'tool call',
    );
    try {
      await deps.audit.append({
        orgId: deps.orgId,
        action: 'tool.call',
        outcome: record.outcome,
        actor: principal.actor.userId,
        clientId: principal.clientId,
        ip: record.ip,
        details,
      });
    } catch (error) {
      deps.logger.error({ err: error, tool }, 'could not write the tool-call audit event');
    }
  };
}
