/** The four ways a workspace call can fail; each maps to one HTTP status. */
export type WorkspaceErrorCode = 'not_found' | 'forbidden' | 'invalid_input' | 'conflict';

const STATUS_BY_CODE: Record<WorkspaceErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invalid_input: 400,
  conflict: 409,
};

/** Extra facts a caller may show or branch on. */
export interface WorkspaceErrorDetails {
  /** For `forbidden`: the permission the actor lacks, e.g. `create` or `edit`. */
  permission?: string;
  /** For `invalid_input`: the input field at fault, e.g. `summary` or `jql`. */
  field?: string;
}

/**
 * The only error the workspace throws on purpose. Messages are written for the end user and
 * are safe to show (`expose` is always true): a `not_found` message reads the same whether the
 * item is missing or merely invisible to the actor, so it never reveals that something exists.
 */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
  /** HTTP status for this code (404, 403, 400, 409). */
  readonly status: number;
  /** Always true: the message never carries internals. */
  readonly expose = true;
  readonly permission: string | undefined;
  readonly field: string | undefined;

  constructor(
    readonly code: WorkspaceErrorCode,
    message: string,
    details: WorkspaceErrorDetails = {},
  ) {
    super(message);
    this.status = STATUS_BY_CODE[code];
    this.permission = details.permission;
    this.field = details.field;
  }
}

/** `not_found` for `what` (e.g. `Issue OPS-12`); use the same words for missing and hidden. */
export function notFound(what: string): WorkspaceError {
  return new WorkspaceError('not_found', `${what} was not found.`);
}

/** `forbidden`, naming the missing permission in the message and in `permission`. */
export function forbidden(permission: string, message: string): WorkspaceError {
  return new WorkspaceError('forbidden', message, { permission });
}

/** `invalid_input`, naming the field at fault. */
export function invalidInput(field: string, message: string): WorkspaceError {
  return new WorkspaceError('invalid_input', message, { field });
}

/** `conflict`: the request is well formed but clashes with the current state. */
export function conflict(message: string): WorkspaceError {
  return new WorkspaceError('conflict', message);
}
