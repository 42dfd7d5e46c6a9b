import { html } from './html.js';
import { renderLayout } from './layout.js';

/** What the message page shows. All text is plain and escaped. */
export interface MessagePageOptions {
  /** The heading and the document title. */
  title: string;
  /** One plain paragraph. */
  message: string;
}

/** A page that only tells the user something, such as "You are signed out". */
export function renderMessagePage({ title, message }: MessagePageOptions): string {
  return renderLayout({ title, main: html`<h1>${title}</h1>\n<p>${message}</p>` });
}
