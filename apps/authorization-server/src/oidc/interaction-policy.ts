import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';

const { Check, base } = interactionPolicy;

/**
 * oidc-provider asks native clients for consent on every authorization, because anyone on the
 * machine can receive a loopback redirect. We remember consent for them too (a repeat
 * authorization for scopes already granted skips the screen), but only when the redirect URI is
 * exactly one the client registered: a native client arriving on another loopback port (which
 * RFC 8252 §7.3 obliges us to accept) always sees the consent screen again.
 */
function nativeClientOnUnregisteredPort(ctx: KoaContextWithOIDC): boolean {
  const { client, params, result } = ctx.oidc;
  if (client === undefined || client.applicationType !== 'native') return Check.NO_NEED_TO_PROMPT;
  if (result?.consent !== undefined) return Check.NO_NEED_TO_PROMPT;
  const redirectUri = typeof params?.redirect_uri === 'string' ? params.redirect_uri : undefined;
  return redirectUri !== undefined && client.redirectUris?.includes(redirectUri)
    ? Check.NO_NEED_TO_PROMPT
    : Check.REQUEST_PROMPT;
}

/** The default login + consent policy, with the native-client rule above. */
export function createInteractionPolicy(): interactionPolicy.DefaultPolicy {
  const policy = base();
  const consent = policy.get('consent');
  if (consent === undefined) throw new Error('oidc-provider base policy has no consent prompt');
  const index = consent.checks.findIndex((check) => check.reason === 'native_client_prompt');
  if (index === -1)
    throw new Error('oidc-provider consent prompt has no native_client_prompt check');
  consent.checks.splice(
    index,
    1,
    new Check(
      'native_client_unregistered_redirect',
      'native clients redirecting to an unregistered loopback port require End-User interaction',
      'interaction_required',
      nativeClientOnUnregisteredPort,
    ),
  );
  return policy;
}
