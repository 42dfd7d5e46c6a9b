/**
 * The API token format (DESIGN.md §4): `gat_<secret>_<checksum>`.
 *
 * - `gat_` is a fixed prefix so secret scanners can find leaked tokens.
 * - `<secret>` is 43 base64url characters (32 random bytes, 256 bits).
 * - `<checksum>` is 6 base62 characters of CRC-32 over `gat_<secret>`, so a typo or truncation is
 *   rejected without touching the store.
 *
 * Pure: the caller supplies the random bytes.
 */

export const API_TOKEN_PREFIX = 'gat_';
/** Random bytes in a token's secret part. */
export const API_TOKEN_SECRET_BYTES = 32;
const SECRET_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TOKEN_SHAPE = /^gat_([A-Za-z0-9_-]{43})_([0-9A-Za-z]{6})$/;

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc = (CRC32_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(value: number, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i += 1) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

function checksumFor(body: string): string {
  return base62(crc32(body), CHECKSUM_LENGTH);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Builds a token from 32 random bytes (use `crypto.randomBytes(API_TOKEN_SECRET_BYTES)`). */
export function formatApiToken(randomBytes: Uint8Array): string {
  if (randomBytes.length !== API_TOKEN_SECRET_BYTES) {
    throw new RangeError(`an API token needs exactly ${API_TOKEN_SECRET_BYTES} random bytes`);
  }
  const body = `${API_TOKEN_PREFIX}${toBase64Url(randomBytes)}`;
  return `${body}_${checksumFor(body)}`;
}

/** Whether a string is meant as an API token (by its prefix), well-formed or not. */
export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(API_TOKEN_PREFIX);
}

export type ApiTokenCheck =
  | { ok: true }
  | { ok: false; reason: 'not_an_api_token' | 'malformed' | 'bad_checksum' };

/** Checks shape and checksum only: no lookup, so a typo costs nothing to reject. */
export function checkApiTokenFormat(value: string): ApiTokenCheck {
  if (!looksLikeApiToken(value)) return { ok: false, reason: 'not_an_api_token' };
  const match = TOKEN_SHAPE.exec(value);
  if (match === null || match[1]?.length !== SECRET_LENGTH)
    return { ok: false, reason: 'malformed' };
  const body = value.slice(0, API_TOKEN_PREFIX.length + SECRET_LENGTH);
  return match[2] === checksumFor(body) ? { ok: true } : { ok: false, reason: 'bad_checksum' };
}

/** What lists show of a token: its prefix and first four secret characters. */
export function apiTokenHint(value: string): string {
  return `${value.slice(0, API_TOKEN_PREFIX.length + 4)}…`;
}
