import type { OidcPayload } from './contract.js';
import { InvalidArgumentError } from './errors.js';
import { copyJson } from './json.js';
import { checkKeyParts } from './validation.js';

/** The fields of an oidc-provider payload the adapter indexes on; non-strings are not indexed. */
export interface OidcIndexFields {
  grantId: string | null;
  userCode: string | null;
  uid: string | null;
}

export function oidcIndexFields(payload: OidcPayload): OidcIndexFields {
  const asKey = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return {
    grantId: asKey(payload.grantId),
    userCode: asKey(payload.userCode),
    uid: asKey(payload.uid),
  };
}

/**
 * Checks an upsert and turns `expiresIn` (seconds) into a lifetime in milliseconds: `null` for
 * "never expires", zero or less for "already expired" (the upsert then removes the entry).
 */
export function planOidcUpsert(
  model: string,
  id: string,
  payload: OidcPayload,
  expiresIn: number | undefined,
): { payload: OidcPayload; ttlMs: number | null } {
  checkKeyParts({ model, id });
  if (expiresIn !== undefined && !Number.isFinite(expiresIn)) {
    throw new InvalidArgumentError('invalid expiresIn: expected a finite number of seconds');
  }
  return {
    payload: copyJson(payload),
    ttlMs: expiresIn === undefined ? null : Math.round(expiresIn * 1000),
  };
}

/** A stored payload as `find` returns it: the consumed mark, when set, overrides the payload's. */
export function withConsumed(payload: OidcPayload, consumedAt: number | null): OidcPayload {
  return consumedAt === null ? payload : { ...payload, consumed: consumedAt };
}

/** oidc-provider's clock for `consumed`: epoch seconds. */
export function nowEpochSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
