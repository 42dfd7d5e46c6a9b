/** How a `RequestError` is shown and what it tells the client to do. */
export interface RequestErrorOptions {
  /** Whether the description is safe to show; default: for statuses under 500. */
  expose?: boolean;
  /** Seconds a client should wait before retrying (429, 503): the `Retry-After` header. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * An error an app raises on purpose. `code` is the OAuth error code (RFC 6749 §5.2, RFC 6750
 * §3.1) or a short machine name, `status` the HTTP status, and `expose` says the description is
 * safe to show: `errorHandler` shows it only then (Koa's contract), never an unknown error's
 * message. An app that needs more on the wire (a challenge header) extends it.
 */
export class RequestError extends Error {
  override readonly name: string = 'RequestError';
  readonly expose: boolean;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    options: RequestErrorOptions = {},
  ) {
    super(description, { cause: options.cause });
    this.expose = options.expose ?? status < 500;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
