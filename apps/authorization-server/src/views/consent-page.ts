import { assertNever } from '@gatehouse/policy';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';

/** How the client came to be known to this server; decides how much the page vouches for it. */
export type ClientRegistration = 'dynamic' | 'metadata_document' | 'static';

/** The client asking for access. Every field is client-supplied text: shown, never linked. */
export interface ConsentClient {
  /** `client_name`, or a fallback the caller chose (e.g. the client id). */
  name: string;
  registration: ClientRegistration;
  /** `client_uri` as the client states it; shown as text only. */
  clientUri?: string;
  /** For `metadata_document` clients: the document's URL (their `client_id`). */
  metadataDocumentUrl?: string;
  /**
   * Every redirect URI is on this computer (loopback). Any local program can listen there, so
   * the page warns (MCP authorization, "Localhost Redirect URI Risks").
   */
  loopbackOnly?: boolean;
}

/** One thing the client may do, in the user's words (from the policy scope catalogue). */
export interface ConsentItem {
  scope: string;
  sentence: string;
  /** Lets the client change data: marked "Can make changes". */
  isWrite: boolean;
  /** Emphasised in the list. */
  highImpact: boolean;
}

/** The items of one product, under its name. */
export interface ConsentGroup {
  productName: string;
  items: ConsentItem[];
}

/** What the consent page shows. */
export interface ConsentPageOptions {
  /** Where the form POSTs. Must be a server-built URL (an interaction route), never client input. */
  action: string;
  /** Sent back as the hidden `csrf` field. */
  csrfToken: string;
  client: ConsentClient;
  /** Host of the redirect URI the user goes back to. */
  redirectHost: string;
  /** The protected resource the token will be bound to. */
  resource: { url: string; name: string };
  /** The signed-in user. */
  user: { email: string };
  groups: ConsentGroup[];
  /** Requested scopes the catalogue does not know, shown as they were sent. */
  unknownScopes: string[];
  /** The client will be able to stay connected (a refresh token): its own line. */
  offlineAccess: boolean;
}

/** The warning for a client that receives the answer on this computer. */
function loopbackWarning(client: ConsentClient): SafeHtml | '' {
  if (client.loopbackOnly !== true) return '';
  return html`<p class="notice unverified">This app receives your answer on this computer. Any program running here could pose as it: allow it only if you just started it yourself.</p>`;
}

/** Notes a user reads about how far the server vouches for the client. */
function registrationNote(client: ConsentClient): SafeHtml {
  switch (client.registration) {
    case 'dynamic':
      return html`<p class="notice unverified">Self-registered app — we have not verified who publishes it.</p>`;
    case 'metadata_document':
      return client.metadataDocumentUrl
        ? html`<p class="notice">Verified by its metadata document at <code>${client.metadataDocumentUrl}</code>.</p>`
        : html`<p class="notice">Verified by its metadata document.</p>`;
    case 'static':
      return html`<p class="notice">Registered by the administrators of this server.</p>`;
    default:
      return assertNever(client.registration);
  }
}

function renderFacts({ client, redirectHost, resource }: ConsentPageOptions): SafeHtml {
  return html`<ul class="facts">
<li>It will send you back to <strong>${redirectHost}</strong></li>
<li>It will reach <strong>${resource.name}</strong> (<code>${resource.url}</code>)</li>
${client.clientUri ? html`<li>It says its website is <code>${client.clientUri}</code></li>` : ''}
</ul>`;
}

function renderItem(item: ConsentItem): SafeHtml {
  const sentence = item.highImpact ? html`<strong>${item.sentence}</strong>` : item.sentence;
  const badge = item.isWrite ? html` <span class="badge write">Can make changes</span>` : '';
  return html`<li data-scope="${item.scope}"><span>${sentence}</span>${badge}</li>`;
}

function renderGroup(group: ConsentGroup): SafeHtml {
  return html`<h3>${group.productName}</h3>
<ul class="scope-list">${group.items.map(renderItem)}</ul>`;
}

function renderUnknownScopes(unknownScopes: string[]): SafeHtml | '' {
  if (unknownScopes.length === 0) return '';
  return html`<h3>Other access</h3>
<p>It also asked for permissions this server does not recognise:</p>
<ul class="scope-list">${unknownScopes.map((scope) => html`<li><code>${scope}</code></li>`)}</ul>`;
}

function renderPermissions({ groups, unknownScopes, offlineAccess }: ConsentPageOptions): SafeHtml {
  const visible = groups.filter((group) => group.items.length > 0);
  const nothingAsked = visible.length === 0 && unknownScopes.length === 0;
  return html`<h2>What it will be able to do</h2>
${nothingAsked ? html`<p>It has not asked for any specific permissions.</p>` : ''}
${visible.map(renderGroup)}
${renderUnknownScopes(unknownScopes)}
${offlineAccess ? html`<p class="offline">It can stay connected when you are not using it, until you disconnect it.</p>` : ''}
<p class="muted">It can only see and change what you can already see and change yourself. You can disconnect it at any time from your account.</p>`;
}

/**
 * The consent page. The contract (DESIGN.md §3) is one form with buttons "Allow" and "Deny",
 * posted as `decision=allow` / `decision=deny`. Deny comes first in focus order and is the same
 * size as Allow, so refusing is never harder than agreeing.
 */
export function renderConsentPage(options: ConsentPageOptions): string {
  const { action, csrfToken, client, user } = options;
  const main = html`<h1>${client.name} wants to access your account</h1>
<p class="lede">Signed in as <strong>${user.email}</strong></p>
${registrationNote(client)}
${loopbackWarning(client)}
${renderFacts(options)}
${renderPermissions(options)}
<form method="post" action="${action}">
<input type="hidden" name="csrf" value="${csrfToken}">
<div class="actions">
<button type="submit" name="decision" value="deny" class="button-secondary">Deny</button>
<button type="submit" name="decision" value="allow" class="button-primary">Allow</button>
</div>
</form>`;
  return renderLayout({ title: `Allow ${client.name}?`, main, width: 'wide' });
}
