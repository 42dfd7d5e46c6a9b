import { expect } from 'vitest';
import { hiddenField, locationOf, UserAgent } from './user-agent.js';

/**
 * HTTP-level helpers for the authorization server's account pages and admin console, driving
 * them as a browser would: sign in through the form, read each form's CSRF token and settings
 * version from the page, post the form.
 */

export interface Credentials {
  email: string;
  password: string;
}

/** Signs in at `/account/sign-in`; the agent then carries the account session cookie. */
export async function signInToAccount(
  issuer: string,
  user: Credentials,
  agent: UserAgent = new UserAgent(),
): Promise<UserAgent> {
  const form = await agent.get(`${issuer}/account/sign-in`);
  expect(form.status).toBe(200);
  const csrf = hiddenField(await form.text(), 'csrf');
  const response = await agent.postForm(`${issuer}/account/sign-in`, { ...user, csrf });
  expect(response.status, await response.clone().text()).toBe(303);
  return agent;
}

/** A page's HTML and the CSRF token of its forms. */
export async function openPage(
  agent: UserAgent,
  url: string,
): Promise<{ html: string; csrf: string }> {
  const response = await agent.get(url);
  const html = await response.text();
  expect(response.status, html).toBe(200);
  return { html, csrf: hiddenField(html, 'csrf') };
}

/** Posts a form whose fields may repeat (checkbox groups), as a browser encodes it. */
export function postFields(
  agent: UserAgent,
  url: string,
  fields: Array<[string, string]>,
): Promise<Response> {
  return agent.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The token on the "Your new API token" page: the value of its read-only field. */
export function tokenOnPage(html: string): string {
  const token = /id="api-token"[^>]*value="([^"]+)"/.exec(html)?.[1];
  if (token === undefined) throw new Error('no API token on the page');
  return token;
}

/** Creates an API token through `/account/tokens/new`; returns the token shown once. */
export async function createApiTokenViaAccount(
  agent: UserAgent,
  issuer: string,
  request: { name: string; expiresInDays?: number; scopes?: string[] },
): Promise<string> {
  const { csrf } = await openPage(agent, `${issuer}/account/tokens/new`);
  const response = await postFields(agent, `${issuer}/account/tokens`, [
    ['csrf', csrf],
    ['name', request.name],
    ['expiresInDays', String(request.expiresInDays ?? 30)],
    ...(request.scopes ?? []).map((scope): [string, string] => ['scopes', scope]),
  ]);
  const html = await response.text();
  expect(response.status, html).toBe(201);
  return tokenOnPage(html);
}

/** Switches API-token authentication through the admin console, confirming the step. */
export async function setApiTokenAuth(
  agent: UserAgent,
  issuer: string,
  enabled: boolean,
): Promise<void> {
  const { html, csrf } = await openPage(agent, `${issuer}/admin/settings`);
  const version = hiddenField(html, 'version');
  const response = await agent.postForm(`${issuer}/admin/settings/api-token-auth`, {
    csrf,
    version,
    enabled: String(enabled),
    confirm: 'yes',
  });
  expect(response.status, await response.clone().text()).toBe(303);
  expect(locationOf(response, issuer).pathname).toBe('/admin/settings');
}

/** The settings form's fields as the page rendered them (checked boxes and current values). */
export function settingsForm(html: string): Array<[string, string]> {
  const form = html.slice(html.indexOf('action="/admin/settings"'));
  const fields: Array<[string, string]> = [
    ['csrf', hiddenField(form, 'csrf')],
    ['version', hiddenField(form, 'version')],
  ];
  for (const [, value] of form.matchAll(/name="groups" value="([^"]+)" checked/g)) {
    fields.push(['groups', value ?? '']);
  }
  const domains =
    /<textarea[^>]*name="allowedClientDomains"[^>]*>([^<]*)<\/textarea>/.exec(form)?.[1] ?? '';
  fields.push(['allowedClientDomains', domains]);
  for (const name of ['toolListingMode', 'registrationMode']) {
    fields.push([name, new RegExp(`name="${name}" value="([^"]+)" checked`).exec(form)?.[1] ?? '']);
  }
  const maxPerHour = /name="maxPerHourPerIp"[^>]*value="([^"]*)"/.exec(form)?.[1] ?? '';
  fields.push(['maxPerHourPerIp', maxPerHour]);
  return fields;
}

/** The same fields with one replaced (or added). */
export function withField(
  fields: Array<[string, string]>,
  name: string,
  value: string,
): Array<[string, string]> {
  return [...fields.filter(([key]) => key !== name), [name, value]];
}

/** Posts the settings form; resolves the status and the page it answered with. */
export async function saveSettings(
  agent: UserAgent,
  issuer: string,
  fields: Array<[string, string]>,
): Promise<{ status: number; html: string }> {
  const response = await postFields(agent, `${issuer}/admin/settings`, fields);
  return { status: response.status, html: await response.text() };
}
