import { expect } from 'vitest';
import { createPkcePair, hiddenField, locationOf, UserAgent } from './user-agent.js';

/** The routes oidc-provider serves under our configuration (see the AS's `ROUTES`). */
export const AS_PATHS = {
  authorize: '/oauth/authorize',
  token: '/oauth/token',
  register: '/oauth/register',
  introspect: '/oauth/introspect',
  revoke: '/oauth/revoke',
} as const;

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
  [key: string]: unknown;
}

export async function registerClient(
  issuer: string,
  metadata: Record<string, unknown> = {},
): Promise<RegisteredClient> {
  const response = await fetch(new URL(AS_PATHS.register, issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Test MCP client',
      redirect_uris: ['http://127.0.0.1:33418/callback'],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      ...metadata,
    }),
  });
  const body = (await response.json()) as RegisteredClient;
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

export interface AuthorizationOutcome {
  /** The redirect back to the client, with `code` or `error`, `state` and `iss`. */
  callback: URL;
  /** Which pages the user saw on the way. */
  pages: Array<'login' | 'consent'>;
  verifier: string;
}

export interface AuthorizationPlan {
  issuer: string;
  client: RegisteredClient;
  scope: string;
  resource?: string;
  redirectUri?: string;
  user?: { email: string; password: string };
  consent?: 'allow' | 'deny';
  agent?: UserAgent;
}

/** Follows an authorization request like a browser, answering login and consent as planned. */
export async function authorize(plan: AuthorizationPlan): Promise<AuthorizationOutcome> {
  const redirectUri = plan.redirectUri ?? plan.client.redirect_uris[0] ?? '';
  const { verifier, challenge } = createPkcePair();
  const url = new URL(AS_PATHS.authorize, plan.issuer);
  url.search = new URLSearchParams({
    client_id: plan.client.client_id,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: plan.scope,
    state: 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(plan.resource === undefined ? {} : { resource: plan.resource }),
  }).toString();
  const followed = await followAuthorization(url, { ...plan, redirectUri });
  return { ...followed, verifier };
}

/** How the user answers the pages of an authorization request someone else built. */
export interface BrowserPlan {
  /** Where the flow ends: the first URL starting with this is the callback. */
  redirectUri: string;
  user?: { email: string; password: string };
  consent?: 'allow' | 'deny';
  agent?: UserAgent;
}

/**
 * Follows a GIVEN authorization URL (for example the one an MCP SDK client builds) like a
 * browser, answering login and consent as planned, until it comes back to `redirectUri`.
 */
export async function followAuthorization(
  url: URL,
  plan: BrowserPlan,
): Promise<Omit<AuthorizationOutcome, 'verifier'>> {
  const agent = plan.agent ?? new UserAgent();
  const pages: AuthorizationOutcome['pages'] = [];
  let next = url;
  for (let hop = 0; hop < 12; hop += 1) {
    if (next.href.startsWith(plan.redirectUri)) return { callback: next, pages };
    const response = await agent.get(next);
    if (response.status >= 300 && response.status < 400) {
      next = locationOf(response, next);
      continue;
    }
    const page = await response.text();
    expect(response.status, page).toBe(200);
    next = await answerPage(agent, next, page, plan, pages);
  }
  throw new Error('authorization did not come back to the client within 12 hops');
}

async function answerPage(
  agent: UserAgent,
  at: URL,
  page: string,
  plan: Pick<BrowserPlan, 'user' | 'consent'>,
  pages: AuthorizationOutcome['pages'],
): Promise<URL> {
  const csrf = hiddenField(page, 'csrf');
  if (page.includes('/login"')) {
    pages.push('login');
    if (plan.user === undefined)
      throw new Error('the flow asked for a login the plan has no user for');
    const action = new URL(`${at.pathname}/login`, at);
    const response = await agent.postForm(action, { ...plan.user, csrf });
    expect(response.status, await response.clone().text()).toBe(303);
    return locationOf(response, action);
  }
  pages.push('consent');
  const action = new URL(`${at.pathname}/consent`, at);
  const response = await agent.postForm(action, { decision: plan.consent ?? 'allow', csrf });
  expect(response.status).toBe(303);
  return locationOf(response, action);
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
  scope?: string;
}

export async function tokenRequest(
  issuer: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL(AS_PATHS.token, issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Registers a public client and takes it through authorization to its first tokens. */
export async function connectClient(
  issuer: string,
  plan: { user: { email: string; password: string }; scope?: string; resource?: string },
): Promise<{ client: RegisteredClient; tokens: TokenResponse }> {
  const client = await registerClient(issuer);
  const outcome = await authorize({
    issuer,
    client,
    scope: plan.scope ?? 'read:jira-work',
    user: plan.user,
    ...(plan.resource === undefined ? {} : { resource: plan.resource }),
  });
  return { client, tokens: await exchangeCode(issuer, client, outcome) };
}

/** A refresh-token grant for a public client; `extra` adds parameters (e.g. `resource`). */
export function refreshTokens(
  issuer: string,
  client: RegisteredClient,
  refreshToken: string | undefined,
  extra: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  return tokenRequest(issuer, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken ?? '',
    client_id: client.client_id,
    ...extra,
  });
}

export async function exchangeCode(
  issuer: string,
  client: RegisteredClient,
  outcome: AuthorizationOutcome,
): Promise<TokenResponse> {
  const code = outcome.callback.searchParams.get('code');
  expect(code, outcome.callback.href).toBeTruthy();
  const { status, body } = await tokenRequest(issuer, {
    grant_type: 'authorization_code',
    code: code ?? '',
    redirect_uri: client.redirect_uris[0] ?? '',
    client_id: client.client_id,
    code_verifier: outcome.verifier,
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as TokenResponse;
}

export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

export async function introspect(
  issuer: string,
  token: string,
  credentials: { clientId: string; clientSecret: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL(AS_PATHS.introspect, issuer), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basicAuth(credentials.clientId, credentials.clientSecret),
    },
    body: new URLSearchParams({ token }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
