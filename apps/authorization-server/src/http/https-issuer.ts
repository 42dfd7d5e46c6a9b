import type { AsConfig } from '../env.js';

/**
 * Whether the issuer is an https URL: then every cookie is `Secure` (and the session cookies
 * take the `__Host-` prefix) and responses carry HSTS. The one place this is decided; the
 * scheme is compared as URL parsing reads it, so `HTTPS://` counts too.
 */
export function isHttpsIssuer(config: Pick<AsConfig, 'issuer'>): boolean {
  return new URL(config.issuer).protocol === 'https:';
}
