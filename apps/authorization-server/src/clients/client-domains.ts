import { isClientHostAllowed } from '@gatehouse/policy';
import { checkRedirectUri } from '../oidc/redirect-uri-policy.js';

/** Whether a client may connect under the org's `allowedClientDomains`, and if not, why. */
export type ClientDomainVerdict =
  | { allowed: true }
  | {
      allowed: false;
      redirectUri: string;
      /** The host that is not on the list; `null` for an app link, which names no domain. */
      host: string | null;
    };

function redirectHost(uri: string): string | null {
  const verdict = checkRedirectUri(uri);
  if (!verdict.ok || verdict.kind === 'private_use') return null;
  return URL.parse(uri)?.hostname ?? null;
}

/**
 * The org's client-domain rule, the same at registration and at authorization. An empty list
 * allows every client. Otherwise every redirect URI the client registered must be on a listed
 * domain: `https` hosts and loopback hosts alike (an admin who wants desktop and command-line
 * apps lists `localhost` or `127.0.0.1`), while app links (`cursor://…`, `com.example.app:/…`)
 * name no domain anyone verified and are refused. A client with no redirect URI at all (the
 * resource server's own) never authorizes, so it is not judged here.
 */
export function checkClientDomains(
  redirectUris: readonly string[],
  allowedClientDomains: readonly string[],
): ClientDomainVerdict {
  if (allowedClientDomains.length === 0) return { allowed: true };
  for (const redirectUri of redirectUris) {
    const host = redirectHost(redirectUri);
    if (host === null || !isClientHostAllowed({ allowedClientDomains }, host)) {
      return { allowed: false, redirectUri, host };
    }
  }
  return { allowed: true };
}

/** One sentence for a refused client, naming what is not allowed (shown to users and admins). */
export function describeDomainRefusal(
  verdict: Extract<ClientDomainVerdict, { allowed: false }>,
): string {
  return verdict.host === null
    ? `This app redirects to an app link (${verdict.redirectUri}), and your organization only allows apps from the domains its admin listed.`
    : `This app redirects to ${verdict.host}, which is not on your organization's list of allowed app domains.`;
}
