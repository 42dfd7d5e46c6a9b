/**
 * Org settings: what an org admin controls. One zod schema gives the defaults, the validation
 * and the `OrgSettings` type. Stored settings may be partial (written by an older version, or
 * only what the admin changed): `parseOrgSettings` merges them over the defaults, deeply.
 */
import { z } from 'zod';
import { deepFreeze } from './deep-freeze.js';
import { describeHostPatternProblem } from './host-patterns.js';
import type { PermissionGroup, Product } from './products.js';

const ONE_MINUTE_SECONDS = 60;
const ONE_HOUR_SECONDS = 3_600;
const ONE_DAY_SECONDS = 86_400;

/** Most client-domain patterns one org may list. */
export const MAX_ALLOWED_CLIENT_DOMAINS = 100;

/** Most client registrations per hour from one IP address an admin may allow. */
export const MAX_REGISTRATIONS_PER_HOUR_PER_IP = 10_000;

const MUST_BE_OBJECT = 'must be an object';

function onOff() {
  return z.boolean({ error: 'must be true or false' }).default(true);
}

function wholeNumber(min: number, max: number, unit: string) {
  const problem = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z
    .number({ error: problem })
    .int({ error: problem })
    .min(min, { error: problem })
    .max(max, { error: problem });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` });
}

/** One product's switches; every group listed is on unless the input says otherwise. */
function switches<Shape extends Record<string, ReturnType<typeof onOff>>>(shape: Shape) {
  const schema = z.strictObject(shape, { error: MUST_BE_OBJECT });
  // Every key has a default, so `{}` is valid input; TypeScript cannot see that through `Shape`.
  return schema.prefault({} as z.input<typeof schema>);
}

// The groups per product mirror PRODUCT_PERMISSION_GROUPS; a test holds the two together.
const permissionGroupsSchema = z
  .strictObject(
    {
      platform: switches({ read: onOff(), search: onOff() }),
      jira: switches({ read: onOff(), write: onOff(), search: onOff() }),
      confluence: switches({ read: onOff(), write: onOff(), search: onOff() }),
      jsm: switches({ read: onOff(), write: onOff() }),
      bitbucket: switches({ read: onOff(), write: onOff() }),
      compass: switches({ read: onOff() }),
    },
    { error: MUST_BE_OBJECT },
  )
  .prefault({});

const hostPatternSchema = z
  .string({ error: 'must be a domain name written as text' })
  .trim()
  .toLowerCase()
  .superRefine((pattern, ctx) => {
    const problem = describeHostPatternProblem(pattern);
    if (problem !== null)
      ctx.addIssue({ code: 'custom', message: `${problem} (got "${pattern}")` });
  });

const allowedClientDomainsSchema = z
  .array(hostPatternSchema, { error: 'must be a list of domain names' })
  .max(MAX_ALLOWED_CLIENT_DOMAINS, {
    error: `must list at most ${MAX_ALLOWED_CLIENT_DOMAINS} domains`,
  })
  .transform((patterns) => [...new Set(patterns)])
  .default([]);

const tokenLifetimesSchema = z
  .strictObject(
    {
      /** Access token lifetime: 1 minute to 1 day, default 1 hour. */
      accessTokenSeconds: wholeNumber(ONE_MINUTE_SECONDS, ONE_DAY_SECONDS, 'seconds').default(
        ONE_HOUR_SECONDS,
      ),
      /** Refresh token lifetime: 1 hour to 90 days, default 30 days. */
      refreshTokenSeconds: wholeNumber(ONE_HOUR_SECONDS, 90 * ONE_DAY_SECONDS, 'seconds').default(
        30 * ONE_DAY_SECONDS,
      ),
      /** Longest expiry a user may pick for a new API token: 1 to 365 days, default 365. */
      apiTokenMaxDays: wholeNumber(1, 365, 'days').default(365),
    },
    { error: MUST_BE_OBJECT },
  )
  .prefault({});

const registrationSchema = z
  .strictObject(
    {
      /** Dynamic client registration: open to all, off, or open but rate limited per IP. */
      mode: oneOf(['open', 'off', 'rate_limited']).default('open'),
      /** Registrations allowed per hour from one IP address while `mode` is `rate_limited`. */
      maxPerHourPerIp: wholeNumber(1, MAX_REGISTRATIONS_PER_HOUR_PER_IP, 'registrations').default(
        20,
      ),
    },
    { error: MUST_BE_OBJECT },
  )
  .prefault({});

const orgSettingsSchema = z
  .strictObject(
    {
      /** Whether API tokens may be used at all (DESIGN.md §1). Off until an admin opts in. */
      apiTokenAuthEnabled: z.boolean({ error: 'must be true or false' }).default(false),
      /** Admin switches: per product, per permission group it has. All on by default. */
      permissionGroups: permissionGroupsSchema,
      /** Host patterns of clients that may connect; empty means any client domain. */
      allowedClientDomains: allowedClientDomainsSchema,
      tokenLifetimes: tokenLifetimesSchema,
      registration: registrationSchema,
      /**
       * `granted`: list only tools the credential's scopes allow. `grantable`: also list tools an
       * OAuth client could get by scope step-up (API tokens cannot step up, so they always see
       * only what they were granted).
       */
      toolListingMode: oneOf(['granted', 'grantable']).default('granted'),
    },
    { error: MUST_BE_OBJECT },
  )
  .prefault({});

/** An org's settings, complete (every default filled in). */
export type OrgSettings = z.output<typeof orgSettingsSchema>;

/** What may be stored or submitted: any subset of `OrgSettings`, nested objects partial too. */
export type OrgSettingsInput = z.input<typeof orgSettingsSchema>;

/** One validation problem. `field` is the dotted path (`permissionGroups.jira.write`). */
export interface SettingsFieldError {
  field: string;
  /** A sentence that starts with the field path, e.g. "registration.mode must be one of: …". */
  message: string;
}

/** The outcome of `parseOrgSettings`. */
export type ParseOrgSettingsResult =
  | { ok: true; settings: OrgSettings }
  | { ok: false; errors: SettingsFieldError[] };

/** The settings of an org that never changed anything. Frozen. */
export const DEFAULT_ORG_SETTINGS: OrgSettings = deepFreeze(orgSettingsSchema.parse({}));

/**
 * Validates stored or submitted settings and fills in defaults. `undefined` gives the defaults;
 * unknown keys anywhere are errors (a typo must not silently do nothing). Never throws.
 */
export function parseOrgSettings(input: unknown): ParseOrgSettingsResult {
  const result = orgSettingsSchema.safeParse(input);
  if (result.success) return { ok: true, settings: result.data };
  return { ok: false, errors: result.error.issues.flatMap(toFieldErrors) };
}

/** True when the admin switch for `group` of `product` is on (false for a pair that is none). */
export function isGroupEnabled(
  settings: Pick<OrgSettings, 'permissionGroups'>,
  product: Product,
  group: PermissionGroup,
): boolean {
  const switches: Partial<Record<PermissionGroup, boolean>> = settings.permissionGroups[product];
  return switches[group] === true;
}

function toFieldErrors(issue: z.core.$ZodIssue): SettingsFieldError[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => fieldError([...path, key], 'is not a known setting'));
  }
  return [fieldError(path, issue.message)];
}

function fieldError(path: readonly string[], problem: string): SettingsFieldError {
  const field = path.join('.');
  return { field, message: `${field === '' ? 'Settings' : field} ${problem}` };
}
