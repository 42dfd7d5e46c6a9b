import { randomBytes } from 'node:crypto';
import type { KeyMaterialStore } from '@gatehouse/store';

/**
 * Key-material name under which the deployment keeps the generated secret of the resource
 * server's introspection client. Both apps read it: the authorization server to register the
 * client, the MCP server to authenticate as it.
 */
export const INTROSPECTION_SECRET_KEY = 'introspection-client-secret';

/** Random bytes in a generated secret: 32, so 43 base64url characters (the minimum is 32). */
const GENERATED_SECRET_BYTES = 32;

/**
 * The introspection client's secret: the configured one (`INTROSPECTION_CLIENT_SECRET`) when
 * set; otherwise one generated once for the whole deployment and kept in the store's key
 * material, so that every instance of both apps sharing the store finds the same secret.
 */
export async function loadIntrospectionSecret(
  keys: KeyMaterialStore,
  configured: string | undefined,
): Promise<string> {
  if (configured !== undefined) return configured;
  return keys.getOrCreate(INTROSPECTION_SECRET_KEY, () =>
    randomBytes(GENERATED_SECRET_BYTES).toString('base64url'),
  );
}
