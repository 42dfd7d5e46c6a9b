import type { Middleware } from 'koa';

const OIDC_DISCOVERY_PATH = '/.well-known/openid-configuration';
const OAUTH_METADATA_PATH = '/.well-known/oauth-authorization-server';

/**
 * Serves RFC 8414 metadata at `/.well-known/oauth-authorization-server` from the same document
 * oidc-provider builds for OIDC discovery (so the two can never disagree, `issuer` included),
 * and completes both with what oidc-provider cannot know: the scope catalogue.
 */
export function authorizationServerMetadata(options: {
  scopesSupported: readonly string[];
  /** Whether the org lets clients register now; when not, the endpoint is not advertised. */
  registrationOpen: () => boolean;
}): Middleware {
  return async function authorizationServerMetadataMiddleware(ctx, next) {
    const isMetadata = ctx.path === OIDC_DISCOVERY_PATH || ctx.path === OAUTH_METADATA_PATH;
    if (!isMetadata || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const requestedPath = ctx.path;
    ctx.path = OIDC_DISCOVERY_PATH;
    try {
      await next();
    } finally {
      ctx.path = requestedPath;
    }
    if (ctx.status !== 200 || typeof ctx.body !== 'object' || ctx.body === null) return;
    const body = ctx.body as Record<string, unknown>;
    body.scopes_supported = [...options.scopesSupported];
    body.code_challenge_methods_supported = ['S256'];
    body.authorization_response_iss_parameter_supported = true;
    if (!options.registrationOpen()) delete body.registration_endpoint;
    // Absent, RFC 8414 §2 would mean client_secret_basic only; public clients revoke too.
    body.revocation_endpoint_auth_methods_supported = [
      'none',
      'client_secret_basic',
      'client_secret_post',
    ];
    body.introspection_endpoint_auth_methods_supported = ['client_secret_basic'];
  };
}
