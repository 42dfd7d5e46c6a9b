import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Log fields that could carry a secret, at the top level and one level down (`req.headers`,
 * `body.password`): their values are replaced by `[redacted]`.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'password',
  '*.password',
  'token',
  '*.token',
  'client_secret',
  '*.client_secret',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
];

/**
 * Structured JSON logs. Anything that could carry a secret is redacted by path
 * (`REDACTED_LOG_PATHS`); request logs never include query strings (authorization codes and
 * state travel there), and nothing logs a token or tool arguments. Lines go to stdout unless
 * a `destination` is given (tests).
 */
export function createLogger(
  options: { level: string; name: string },
  destination?: DestinationStream,
): Logger {
  const settings = {
    name: options.name,
    level: options.level,
    redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
  };
  return destination === undefined ? pino(settings) : pino(settings, destination);
}
