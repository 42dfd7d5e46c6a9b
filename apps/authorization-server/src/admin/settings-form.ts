import {
  type OrgSettings,
  type PermissionGroup,
  PRODUCT_PERMISSION_GROUPS,
  PRODUCTS,
  type SettingsFieldError,
} from '@gatehouse/policy';

/** The settings form as submitted (text, as typed), and as re-shown after a problem. */
export interface SettingsFormValues {
  /** Permission group switches that are on, as `product.group` (`jira.write`). */
  groups: string[];
  /** One domain pattern per line. */
  allowedClientDomains: string;
  toolListingMode: string;
  registrationMode: string;
  maxPerHourPerIp: string;
}

/** Form fields that can carry an error message, each shown next to its own control. */
export type SettingsFormField =
  | 'groups'
  | 'allowedClientDomains'
  | 'toolListingMode'
  | 'registrationMode'
  | 'maxPerHourPerIp'
  | 'form';

export type SettingsFormErrors = Partial<Record<SettingsFormField, string[]>>;

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** Reads a submitted body into form values, whatever shape the body parser gave it. */
export function readSettingsForm(body: unknown): SettingsFormValues {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return {
    groups: [...new Set(list(fields.groups))],
    allowedClientDomains: text(fields, 'allowedClientDomains'),
    toolListingMode: text(fields, 'toolListingMode'),
    registrationMode: text(fields, 'registrationMode'),
    maxPerHourPerIp: text(fields, 'maxPerHourPerIp'),
  };
}

/** The form values that show `settings`. */
export function settingsFormValues(settings: OrgSettings): SettingsFormValues {
  const groups = PRODUCTS.flatMap((product) =>
    PRODUCT_PERMISSION_GROUPS[product]
      .filter((group) => (settings.permissionGroups[product] as Record<string, boolean>)[group])
      .map((group) => `${product}.${group}`),
  );
  return {
    groups,
    allowedClientDomains: settings.allowedClientDomains.join('\n'),
    toolListingMode: settings.toolListingMode,
    registrationMode: settings.registration.mode,
    maxPerHourPerIp: String(settings.registration.maxPerHourPerIp),
  };
}

/** Non-empty lines of the domains box, each with its 1-based line number. */
export function domainLines(text: string): Array<{ line: number; value: string }> {
  return text
    .split(/\r?\n/)
    .map((value, index) => ({ line: index + 1, value: value.trim() }))
    .filter((entry) => entry.value !== '');
}

/**
 * The settings input the form stands for: what the form shows, over `base` for what it does
 * not (the API-token switch, token lifetimes). Validation is `parseOrgSettings`'s job.
 */
export function settingsInputFromForm(values: SettingsFormValues, base: OrgSettings): unknown {
  const permissionGroups = Object.fromEntries(
    PRODUCTS.map((product) => [
      product,
      Object.fromEntries(
        PRODUCT_PERMISSION_GROUPS[product].map((group: PermissionGroup) => [
          group,
          values.groups.includes(`${product}.${group}`),
        ]),
      ),
    ]),
  );
  const maxPerHour = values.maxPerHourPerIp.trim();
  return {
    apiTokenAuthEnabled: base.apiTokenAuthEnabled,
    tokenLifetimes: base.tokenLifetimes,
    permissionGroups,
    allowedClientDomains: domainLines(values.allowedClientDomains).map((entry) => entry.value),
    toolListingMode: values.toolListingMode,
    registration: {
      mode: values.registrationMode,
      maxPerHourPerIp: maxPerHour === '' ? Number.NaN : Number(maxPerHour),
    },
  };
}

function formField(field: string): SettingsFormField {
  if (field.startsWith('allowedClientDomains')) return 'allowedClientDomains';
  if (field.startsWith('permissionGroups')) return 'groups';
  if (field === 'toolListingMode') return 'toolListingMode';
  if (field === 'registration.mode') return 'registrationMode';
  if (field === 'registration.maxPerHourPerIp') return 'maxPerHourPerIp';
  return 'form';
}

/** "allowedClientDomains.1 must …" → "Line 3: must …" (the line as the admin typed it). */
function domainMessage(error: SettingsFieldError, lines: ReturnType<typeof domainLines>): string {
  const index = Number(error.field.split('.')[1]);
  const problem = error.message.slice(error.field.length + 1);
  const line = lines[index]?.line;
  return line === undefined ? error.message : `Line ${line}: ${problem}`;
}

/** Turns the policy's field errors into messages beside the form's own controls. */
export function settingsFormErrors(
  errors: readonly SettingsFieldError[],
  values: SettingsFormValues,
): SettingsFormErrors {
  const lines = domainLines(values.allowedClientDomains);
  const out: SettingsFormErrors = {};
  for (const error of errors) {
    const field = formField(error.field);
    const message =
      field === 'allowedClientDomains' && /\.\d+$/.test(error.field)
        ? domainMessage(error, lines)
        : error.message;
    out[field] = [...(out[field] ?? []), message];
  }
  return out;
}
