import { isLoopbackHostname } from '@gatehouse/policy';
import { z } from 'zod';

/** `true`/`1`/`yes` or `false`/`0`/`no` (lower case), as a boolean; anything else is refused. */
export const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

/** An http(s) URL, with trailing slashes removed (`https://a.example/` → `https://a.example`). */
export const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .transform((value) => value.replace(/\/+$/, ''));

/** A comma-separated list, each item trimmed and lower-cased, empty items dropped. */
export const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== ''),
);

/** A TCP port, 0 to 65535; 0 asks the system for a free one (tests). */
export const portNumber = z.coerce.number().int().min(0).max(65_535);

/** The levels pino knows, from the quietest to the most verbose, and `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A pino log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Whether a URL would carry credentials in the clear off this machine: plain http to a host
 * that is not loopback. Production refuses such issuers and resource URLs.
 */
export function isPlainHttpOffLoopback(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol !== 'https:' && !isLoopbackHostname(parsed.hostname);
}
