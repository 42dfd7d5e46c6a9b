/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728): how an MCP client finds the authorization
 * server. Served at the path-specific well-known URL derived from the resource URL
 * (`/.well-known/oauth-protected-resource/mcp`) and at the root one, with the same document.
 */
import { RESOURCE_SCOPES_SUPPORTED } from '@gatehouse/policy';
import type { Middleware } from 'koa';

const WELL_KNOWN_PREFIX = '/.well-known/oauth-protected-resource';

/** How long clients and caches may keep the document: 5 minutes, in seconds. */
const METADATA_MAX_AGE_SECONDS = 5 * 60;

/** The document's fields (RFC 9728 §2); `offline_access` is never among the scopes. */
export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers: string[];
  scopes_supported: string[];
  bearer_methods_supported: ['header'];
  resource_name: string;
  resource_documentation?: string;
}

/**
 * The metadata URL for a resource (RFC 9728 §3.1): the well-known prefix inserted between the
 * origin and the resource's path, e.g. `https://h/mcp` → `https://h/.well-known/oauth-protected-resource/mcp`.
 */
export function resourceMetadataUrl(resourceUrl: string): string {
  const url = new URL(resourceUrl);
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.origin}${WELL_KNOWN_PREFIX}${path}`;
}

/** Builds the document from the configuration. */
export function buildResourceMetadata(options: {
  resourceUrl: string;
  asIssuer: string;
  resourceName: string;
  resourceDocumentation: string | undefined;
}): ProtectedResourceMetadata {
  return {
    resource: options.resourceUrl,
    authorization_servers: [options.asIssuer],
    scopes_supported: [...RESOURCE_SCOPES_SUPPORTED],
    bearer_methods_supported: ['header'],
    resource_name: options.resourceName,
    ...(options.resourceDocumentation === undefined
      ? {}
      : { resource_documentation: options.resourceDocumentation }),
  };
}

/**
 * Serves the metadata with open CORS (browser-based clients read it from their own origin):
 * GET and HEAD answer the document, OPTIONS answers a preflight, other methods 405.
 */
export function resourceMetadataRoutes(metadata: ProtectedResourceMetadata): Middleware {
  const paths = new Set([
    WELL_KNOWN_PREFIX,
    new URL(resourceMetadataUrl(metadata.resource)).pathname,
  ]);
  const body = JSON.stringify(metadata);
  return async function resourceMetadataMiddleware(ctx, next) {
    if (!paths.has(ctx.path)) return next();
    ctx.set('Access-Control-Allow-Origin', '*');
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      ctx.set('Access-Control-Allow-Headers', 'mcp-protocol-version');
      ctx.set('Access-Control-Max-Age', String(METADATA_MAX_AGE_SECONDS));
      ctx.status = 204;
      return;
    }
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.set('Allow', 'GET, HEAD, OPTIONS');
      ctx.status = 405;
      ctx.body = { error: 'invalid_request', error_description: 'Use GET for this document.' };
      return;
    }
    ctx.set('Cache-Control', `public, max-age=${METADATA_MAX_AGE_SECONDS}`);
    ctx.type = 'application/json';
    ctx.body = body;
  };
}
