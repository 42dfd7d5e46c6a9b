import { html } from './html.js';
import { renderLayout } from './layout.js';

/** What the error page shows. All text is plain and escaped. */
export interface ErrorPageOptions {
  /** Short statement of what went wrong: the heading and the document title. */
  title: string;
  /** A plain explanation for the user. Must be safe to show (an `expose`d message). */
  message: string;
  /** The HTTP status, shown small for support conversations. */
  status?: number;
  /** Technical detail (e.g. an OAuth error code), shown under the explanation. */
  details?: string;
  /** What to do next; by default, to start again from the app (an OAuth flow cannot resume). */
  nextStep?: string;
}

/**
 * A page for failures a person meets in the browser: an expired sign-in, a CSRF failure, an
 * unknown interaction. It always ends with what to do next, because the user cannot resume an
 * OAuth flow from here: only the app that started it can.
 */
export function renderErrorPage({
  title,
  message,
  status,
  details,
  nextStep = 'Start again from the app you were using.',
}: ErrorPageOptions): string {
  const main = html`<h1>${title}</h1>
<p>${message}</p>
${details ? html`<p class="muted">Details: <code>${details}</code></p>` : ''}
<p>${nextStep}</p>
${status === undefined ? '' : html`<p class="status muted">Error ${status}</p>`}`;
  return renderLayout({ title, main });
}
