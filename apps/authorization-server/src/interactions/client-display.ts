/** How a client's identity is presented to the person on the login and consent pages. */

export type ClientRegistration = 'dynamic' | 'metadata_document' | 'static';

/** Where the redirect goes, as a person can read it: a host, or `scheme://authority` for apps. */
export function describeRedirectTarget(redirectUri: string): string {
  const url = URL.parse(redirectUri);
  if (url === null) return redirectUri;
  if (url.protocol === 'https:' || url.protocol === 'http:') return url.host;
  const authority = url.host === '' ? url.pathname.split('/')[0] : url.host;
  return `${url.protocol}//${authority ?? ''}`.replace(/\/\/$/, '');
}

/** The client's own name, or, when it registered none, the host it redirects to. */
export function clientDisplayName(
  client: { clientName?: string | undefined; redirectUris?: readonly string[] | undefined },
  redirectUri: string | undefined,
): string {
  const name = client.clientName?.trim();
  if (name) return name;
  const target = redirectUri ?? client.redirectUris?.[0];
  return target === undefined ? 'An unnamed app' : describeRedirectTarget(target);
}

export function clientRegistration(
  clientId: string,
  staticClientIds: readonly string[],
): ClientRegistration {
  if (staticClientIds.includes(clientId)) return 'static';
  return clientId.startsWith('https://') ? 'metadata_document' : 'dynamic';
}
