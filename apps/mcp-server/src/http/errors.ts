import {
  type ErrorResponder,
  RequestError as KitRequestError,
  type RequestErrorOptions,
  writeJsonError,
} from '@gatehouse/server-kit';

/**
 * An error this app raises on purpose: the kit's `RequestError` (code, status, expose, retry
 * hint), plus the `WWW-Authenticate` challenge a 401 or 403 carries (RFC 6750 §3).
 */
export class RequestError extends KitRequestError {
  /** The `WWW-Authenticate` value for a 401 or 403 challenge. */
  readonly wwwAuthenticate: string | undefined;

  constructor(
    status: number,
    code: string,
    description: string,
    options: RequestErrorOptions & { wwwAuthenticate?: string } = {},
  ) {
    super(status, code, description, options);
    this.wwwAuthenticate = options.wwwAuthenticate;
  }
}

/**
 * The error handler's body for this app: the OAuth-style JSON body, with the challenge when the
 * error carries one.
 */
export const writeChallengeError: ErrorResponder = (ctx, wire, error) => {
  if (error instanceof RequestError && error.wwwAuthenticate !== undefined) {
    ctx.set('WWW-Authenticate', error.wwwAuthenticate);
  }
  writeJsonError(ctx, wire);
};
