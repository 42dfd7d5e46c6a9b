import { type Logger, pino } from 'pino';

/**
 * Structured JSON logs. Anything that could carry a secret is redacted by path, and request
 * logs never include query strings (authorization codes and state travel there).
 */
export function createLogger(options: { level: string; name: string }): Logger {
  return pino({
    name: options.name,
    level: options.level,
    redact: {
      paths: [
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
      ],
      censor: '[redacted]',
    },
  });
}
