import { getScope, isSameResource, RESOURCE_SCOPES_SUPPORTED } from '@gatehouse/policy';

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

function namesResourceScope(scope: string): boolean {
  return scope.split(' ').some((value) => getScope(value)?.kind === 'resource');
}

export function withDefaultScope(params: ParamList): ParamList {
  const scopes = params.filter(([key]) => key === 'scope').map(([, value]) => value);
  if (scopes.length > 1 || scopes.some(namesResourceScope)) return params; // duplicates: oidc-provider refuses
  const kept = (scopes[0] ?? '').split(' ').filter((value) => value !== '');
  const scope = [...new Set([...kept, ...RESOURCE_SCOPES_SUPPORTED])].join(' ');
  return [...params.filter(([key]) => key !== 'scope'), ['scope', scope]];
}
