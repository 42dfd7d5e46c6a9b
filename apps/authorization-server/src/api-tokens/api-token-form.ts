/** Longest API token name, in characters. */
export const MAX_API_TOKEN_NAME_CHARS = 80;
/** Longest expiry anyone may pick, in days (DESIGN.md §4); the org may allow less. */
export const MAX_API_TOKEN_DAYS = 365;
/** Expiry the form suggests, in days. */
export const DEFAULT_API_TOKEN_DAYS = 30;

/** What the form sends, as the person typed it (re-shown when something is wrong). */
export interface ApiTokenFormValues {
  name: string;
  expiresInDays: string;
  scopes: string[];
}

/** One message per field that is wrong, in words for the person filling the form. */
export interface ApiTokenFormErrors {
  name?: string;
  expiresInDays?: string;
  scopes?: string;
}

export interface ApiTokenRequest {
  name: string;
  expiresInDays: number;
  /** `null`: every scope the org allows, now and later. */
  scopes: string[] | null;
}

export type ApiTokenFormResult =
  | { ok: true; request: ApiTokenRequest }
  | { ok: false; values: ApiTokenFormValues; errors: ApiTokenFormErrors };

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

/** Reads a submitted form body into values, whatever shape the body parser gave it. */
export function readApiTokenForm(body: unknown): ApiTokenFormValues {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return {
    name: field(fields, 'name'),
    expiresInDays: field(fields, 'expiresInDays'),
    scopes: [...new Set(list(fields.scopes))],
  };
}

function checkName(name: string): string | undefined {
  if (name === '') return 'Give the token a name, so that you can recognise it later.';
  if ([...name].length > MAX_API_TOKEN_NAME_CHARS) {
    return `Use at most ${MAX_API_TOKEN_NAME_CHARS} characters for the name.`;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse.
  if (/[\u0000-\u001f\u007f]/.test(name))
    return 'Use letters, digits, spaces and punctuation only.';
  return undefined;
}

function checkDays(text: string, maxDays: number): string | undefined {
  const days = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(days) || days < 1 || days > maxDays) {
    return `Choose a whole number of days from 1 to ${maxDays}.`;
  }
  return undefined;
}

function checkScopes(scopes: string[], allowed: readonly string[]): string | undefined {
  const unknown = scopes.filter((scope) => !allowed.includes(scope));
  if (unknown.length === 0) return undefined;
  return `Your organization does not allow ${unknown.join(', ')} now. Choose from the list.`;
}

/**
 * Validates the create-token form: a name of 1–80 characters, an expiry of 1 to `maxDays`
 * (the org's `apiTokenMaxDays`, at most 365), and scopes from `allowedScopes` (what the org
 * allows now). No scope chosen means every allowed scope. Never throws.
 */
export function parseApiTokenForm(
  body: unknown,
  limits: { maxDays: number; allowedScopes: readonly string[] },
): ApiTokenFormResult {
  const values = readApiTokenForm(body);
  const name = values.name.trim();
  const maxDays = Math.min(limits.maxDays, MAX_API_TOKEN_DAYS);
  const errors: ApiTokenFormErrors = {};
  const nameError = checkName(name);
  const daysError = checkDays(values.expiresInDays, maxDays);
  const scopesError = checkScopes(values.scopes, limits.allowedScopes);
  if (nameError) errors.name = nameError;
  if (daysError) errors.expiresInDays = daysError;
  if (scopesError) errors.scopes = scopesError;
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return {
    ok: true,
    request: {
      name,
      expiresInDays: Number(values.expiresInDays.trim()),
      scopes: values.scopes.length === 0 ? null : values.scopes,
    },
  };
}
