/**
 * An `OAuthClientProvider` for the real MCP SDK client, the way a native MCP client with a
 * loopback redirect behaves: it registers itself dynamically, keeps what the SDK hands it in
 * memory, and answers `redirectToAuthorization` by driving the given authorization URL through
 * login and consent over HTTP (as the user would in a browser), capturing the code the browser
 * would bring back to the client.
 */
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { expect } from 'vitest';
import { type AuthorizationOutcome, followAuthorization } from './oauth-flow.js';
import { UserAgent } from './user-agent.js';

/** What one trip through the authorization server looked like. */
export interface AuthorizationTrip {
  /** The scope the SDK asked for. */
  scope: string;
  /** The pages the user saw (login, consent). */
  pages: AuthorizationOutcome['pages'];
}

export class TestOAuthProvider implements OAuthClientProvider {
  /** One browser for the whole test: its session cookie makes later trips skip the login page. */
  readonly agent = new UserAgent();
  readonly trips: AuthorizationTrip[] = [];
  private client: OAuthClientInformationMixed | undefined;
  private saved: OAuthTokens | undefined;
  private verifier = '';
  private code: string | undefined;
  /** Set while a step-up is pending; see `stepUpPending`. */
  private withholdRefreshToken = false;

  constructor(
    private readonly options: {
      user: { email: string; password: string };
      /** Never listened on: the simulated browser stops when it is redirected here. */
      redirectUrl?: string;
      consent?: 'allow' | 'deny';
    },
  ) {}

  get redirectUrl(): string {
    return this.options.redirectUrl ?? 'http://127.0.0.1:53682/callback';
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'Gatehouse e2e MCP client',
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  clientInformation() {
    return this.client;
  }

  saveClientInformation(info: OAuthClientInformationMixed) {
    this.client = info;
  }

  tokens(): OAuthTokens | undefined {
    if (this.saved === undefined || !this.withholdRefreshToken) return this.saved;
    const { refresh_token: _withheld, ...rest } = this.saved;
    return rest;
  }

  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
    this.withholdRefreshToken = false;
  }

  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }

  codeVerifier() {
    return this.verifier;
  }

  invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery') {
    if (scope === 'all' || scope === 'client') this.client = undefined;
    if (scope === 'all' || scope === 'tokens') this.saved = undefined;
  }

  async redirectToAuthorization(url: URL) {
    const outcome = await followAuthorization(url, {
      redirectUri: this.redirectUrl,
      user: this.options.user,
      consent: this.options.consent ?? 'allow',
      agent: this.agent,
    });
    this.trips.push({ scope: url.searchParams.get('scope') ?? '', pages: outcome.pages });
    expect(outcome.callback.searchParams.get('state')).toBe(url.searchParams.get('state'));
    this.code = outcome.callback.searchParams.get('code') ?? undefined;
  }

  /** The code the last authorization trip brought back; each code is handed out once. */
  takeCode(): string {
    const code = this.code;
    expect(code, 'no authorization code was captured').toBeTruthy();
    this.code = undefined;
    return code ?? '';
  }

  /**
   * Marks a scope step-up as pending. SDK 1.32 answers `403 insufficient_scope` by refreshing
   * when it holds a refresh token (typescript-sdk#2255), and a refresh can never widen the scope,
   * so the retry fails the same way. A client that wants the step-up must make the SDK run a new
   * authorization instead: until the next `saveTokens`, `tokens()` leaves the refresh token out.
   */
  stepUpPending() {
    this.withholdRefreshToken = true;
  }

  /** The tokens as saved, for assertions and for simulating an expired access token. */
  current(): OAuthTokens | undefined {
    return this.saved;
  }

  /** Replaces the stored access token (e.g. with one the server no longer accepts). */
  replaceAccessToken(accessToken: string) {
    if (this.saved !== undefined) this.saved = { ...this.saved, access_token: accessToken };
  }
}
