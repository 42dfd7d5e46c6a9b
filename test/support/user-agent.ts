import { createHash, randomBytes } from 'node:crypto';
import { CookieJar } from 'tough-cookie';

/**
 * A minimal browser for HTTP-level tests: keeps cookies (with their paths), never follows
 * redirects on its own, and submits forms the way a browser does.
 */
export class UserAgent {
  readonly jar = new CookieJar();

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = url.toString();
    const headers = new Headers(init.headers);
    const cookie = await this.jar.getCookieString(target);
    if (cookie !== '') headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      await this.jar.setCookie(setCookie, target, { ignoreError: true });
    }
    return response;
  }

  get(url: string | URL): Promise<Response> {
    return this.request(url);
  }

  postForm(url: string | URL, fields: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/** Resolves a `Location` header against the URL that answered. */
export function locationOf(response: Response, base: string | URL): URL {
  const location = response.headers.get('location');
  if (location === null) {
    throw new Error(`expected a redirect from ${base.toString()}, got ${response.status}`);
  }
  return new URL(location, base);
}

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** The value of a hidden form field in a page. */
export function hiddenField(html: string, name: string): string {
  const match = new RegExp(
    `name="${name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="${name}"`,
  ).exec(html);
  const value = match?.[1] ?? match?.[2];
  if (value === undefined) throw new Error(`no hidden field "${name}" in page`);
  return value;
}
