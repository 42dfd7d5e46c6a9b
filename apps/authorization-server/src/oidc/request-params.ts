import {
  formatScopes,
  isResourceScope,
  isSameResource,
  RESOURCE_SCOPES_SUPPORTED,
} from '@gatehouse/policy';

/**
 * Pure rewrites of OAuth request parameters before oidc-provider reads them.
 *
 * - `resource` (RFC 8707): any spelling of our resource becomes the canonical URL, so that grants,
 *   codes and refresh tokens are always keyed the same way however a client spells it (DESIGN.md
 *   §4); other values are left for oidc-provider to refuse (or, at the token endpoint, refused
 *   here first — see `foreignResource`).
 * - `scope` at authorization: a request that names no resource scope at all (omitted, empty,
 *   only `offline_access`, only unknown values) gets the protected resource's advertised
 *   `scopes_supported`, the default RFC 6749 §3.3 allows; oidc-provider would otherwise end it
 *   with a bare `access_denied`.
 */

export type ParamList = Array<[string, string]>;

export function canonicalizeResources(params: ParamList, resourceUrl: string): ParamList {
  return params.map(([key, value]) =>
    key === 'resource' && isSameResource(value, resourceUrl) ? [key, resourceUrl] : [key, value],
  );
}

/** The first `resource` value that is not ours, if any (token endpoint: refuse before use). */
export function foreignResource(params: ParamList, resourceUrl: string): string | undefined {
  return params.find(
    ([key, value]) => key === 'resource' && !isSameResource(value, resourceUrl),
  )?.[1];
}

/**
 * The tokens of a `scope` value as oidc-provider reads them: split on single spaces, empty ones
 * dropped. Not policy's `splitScopeString`, which also splits on tabs and newlines: a value we
 * rewrite must still carry whatever oidc-provider refuses as invalid characters.
 */
export function providerScopeTokens(scope: string): string[] {
  return scope.split(' ').filter((token) => token !== '');
}

function namesResourceScope(scope: string): boolean {
  return providerScopeTokens(scope).some(isResourceScope);
}

export function withDefaultScope(params: ParamList): ParamList {
  const scopes = params.filter(([key]) => key === 'scope').map(([, value]) => value);
  if (scopes.length > 1 || scopes.some(namesResourceScope)) return params; // duplicates: oidc-provider refuses
  const scope = formatScopes([
    ...providerScopeTokens(scopes[0] ?? ''),
    ...RESOURCE_SCOPES_SUPPORTED,
  ]);
  return [...params.filter(([key]) => key !== 'scope'), ['scope', scope]];
}
