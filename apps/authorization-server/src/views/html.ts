/**
 * The one way views build HTML: a tagged template that escapes every interpolated value unless
 * it is already `SafeHtml`.
 *
 * Rules the escaping relies on:
 * - Always quote attributes in templates (`class="${value}"`, never `class=${value}`). Inside a
 *   quoted attribute the same escaping is enough; an unquoted attribute can be broken out of
 *   with a space.
 * - Escaping makes a value text; it does not make a URL safe. `javascript:alert(1)` stays a
 *   working URL after escaping. URLs in `href`, `src` or `action` must therefore come from
 *   values the server built (its own routes, the issuer), never from client metadata or user
 *   input. Show client-supplied URLs as text instead.
 * - Never interpolate into `<script>` or `<style>` (the pages have neither; CSP forbids them).
 */

/** Guards the `SafeHtml` constructor so only this module can vouch for a string. */
const VOUCHED = Symbol('SafeHtml');

/**
 * A string of HTML this module vouches for: the output of `html` or an explicit `unsafeRaw`.
 * Interpolating it into `html` inserts it as is. Build one with `html` or `unsafeRaw` only.
 */
export class SafeHtml {
  readonly #value: string;

  /** @internal Use `html` or `unsafeRaw`; a direct call without the module's token throws. */
  constructor(token: symbol, value: string) {
    if (token !== VOUCHED) throw new TypeError('SafeHtml is built by html`` or unsafeRaw() only');
    this.#value = value;
  }

  /** The HTML text. */
  toString(): string {
    return this.#value;
  }
}

/**
 * What a template may interpolate. `null`, `undefined` and `false` render nothing (so
 * `${cond && html`...`}` works); arrays render each item, escaped, joined with nothing.
 */
export type HtmlValue =
  | string
  | number
  | SafeHtml
  | null
  | undefined
  | false
  | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

const ESCAPABLE = /[&<>"'`]/g;

/** Escapes `& < > " ' \`` so `text` is safe as element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(ESCAPABLE, (char) => ESCAPES[char] ?? char);
}

function renderValue(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  if (Array.isArray(value)) return value.map(renderValue).join('');
  // Reached only when a caller bypasses the types (an object, `true`, a function): refuse
  // rather than print "[object Object]" into a page.
  throw new TypeError(`html: cannot interpolate a value of type ${typeof value}`);
}

/**
 * Tagged template that escapes every interpolated value except `SafeHtml`.
 *
 * @example html`<p class="note">${userText}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) {
    out += renderValue(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(VOUCHED, out);
}

/**
 * Marks a trusted string as HTML without escaping it. For constants written in this codebase
 * only (the doctype, a fixed fragment); never for anything that came from a request, a client
 * or the store.
 */
export function unsafeRaw(trustedString: string): SafeHtml {
  return new SafeHtml(VOUCHED, trustedString);
}
