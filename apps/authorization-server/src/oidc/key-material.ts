import type { JsonWebKey } from 'node:crypto';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyMaterialStore } from '@gatehouse/store';

/** Private signing keys (ID tokens, JWT responses) and the keys that sign cookies. */
export interface KeyMaterial {
  jwks: { keys: JsonWebKey[] };
  /** Newest first; oidc-provider signs with the first and accepts all. */
  cookieKeys: string[];
}

/** 32 random bytes, base64url: enough for HMAC-SHA256 cookie signatures. */
const COOKIE_KEY_BYTES = 32;

function generateSigningKeys(): { keys: JsonWebKey[] } {
  const kid = () => randomBytes(12).toString('base64url');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    format: 'jwk',
  });
  return {
    keys: [
      { ...rsa, kid: kid(), use: 'sig', alg: 'RS256' },
      { ...ec, kid: kid(), use: 'sig', alg: 'ES256' },
    ],
  };
}

/**
 * Loads the key material, generating it exactly once for the whole deployment: every instance
 * sharing the store gets the same keys, and a restart keeps them.
 */
export async function loadKeyMaterial(keys: KeyMaterialStore): Promise<KeyMaterial> {
  const [jwks, cookieKeys] = await Promise.all([
    keys.getOrCreate('oidc-signing-jwks', generateSigningKeys),
    keys.getOrCreate('cookie-keys', () => [randomBytes(COOKIE_KEY_BYTES).toString('base64url')]),
  ]);
  return { jwks, cookieKeys };
}
