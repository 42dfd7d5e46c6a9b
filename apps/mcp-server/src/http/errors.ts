/**
 * An error this app raises on purpose. `code` is the OAuth error code (RFC 6750 §3.1) or a short
 * machine name, `status` the HTTP status, and `expose` says the description is safe to show:
 * the error handler shows it only then (Koa's contract), never an unknown error's message.
 */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  readonly expose: boolean;
  /** Seconds a client should wait before retrying (503). */
  readonly retryAfterSeconds: number | undefined;
  /** The `WWW-Authenticate` value for a 401 or 403 challenge. */
  readonly wwwAuthenticate: string | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    options: {
      expose?: boolean;
      retryAfterSeconds?: number;
      wwwAuthenticate?: string;
      cause?: unknown;
    } = {},
  ) {
    super(description, { cause: options.cause });
    this.expose = options.expose ?? status < 500;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.wwwAuthenticate = options.wwwAuthenticate;
  }
}
