import { type Logger, pino } from 'pino';

/**
 * Structured JSON logs. Anything that could carry a secret is redacted by path; request logs
 * never include query strings, and nothing in this app logs a token or tool arguments.
 */
export function createLogger(options: { level: string; name: string }): Logger {
  return pino({
    name: options.name,
    level: options.level,
    redact: {
      paths: [
        'token',
        '*.token',
        'client_secret',
        '*.client_secret',
        'headers.authorization',
        'headers.cookie',
        '*.headers.authorization',
        '*.headers.cookie',
      ],
      censor: '[redacted]',
    },
  });
}
