/**
 * The one form an email takes in storage and lookups: Unicode NFC, surrounding whitespace
 * trimmed, lower-cased. `Alice@Example.COM ` and `alice@example.com` are the same user.
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}
