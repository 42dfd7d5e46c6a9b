import { writeOrgSettings } from '@gatehouse/org-settings';
import {
  DEFAULT_ORG_SETTINGS,
  diffOrgSettings,
  type OrgSettings,
  parseOrgSettings,
} from '@gatehouse/policy';
import { RequestError } from '@gatehouse/server-kit';
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { PageDeps } from '../account/deps.js';
import { redirectWithNotice, sendPage, signedIn, siteNav } from '../account/guards.js';
import { apiTokenStatus } from '../api-tokens/api-tokens.js';
import {
  type AdminSettingsPageOptions,
  renderAdminSettingsPage,
  renderApiTokenAuthConfirmPage,
} from '../views/admin-settings-page.js';
import {
  readSettingsForm,
  settingsFormErrors,
  settingsFormValues,
  settingsInputFromForm,
} from './settings-form.js';

const NOTICES: Readonly<Record<string, string>> = {
  saved: 'Settings saved. They take effect on every server within a second.',
  'api-token-auth-on': 'API-token authentication is on. API tokens work from now on.',
  'api-token-auth-off': 'API-token authentication is off. Every API-token request now fails.',
};

/** The settings as stored now (the reader may be a moment behind), with their version. */
async function storedSettings(deps: PageDeps): Promise<{ settings: OrgSettings; version: number }> {
  const stored = await deps.store.settings.get(deps.config.orgId);
  if (stored === null) return { settings: DEFAULT_ORG_SETTINGS, version: 0 };
  const parsed = parseOrgSettings(stored.value);
  return {
    settings: parsed.ok ? parsed.settings : deps.settings.current(),
    version: stored.version,
  };
}

async function activeTokenCounts(deps: PageDeps) {
  const now = Date.now();
  const active = (await deps.store.apiTokens.listByOrg(deps.config.orgId)).filter(
    (record) => apiTokenStatus(record, now) === 'active',
  );
  return { activeTokens: active.length, tokenOwners: new Set(active.map((r) => r.userId)).size };
}

function formVersion(body: unknown): number {
  const value = (body as Record<string, unknown> | undefined)?.version;
  const version = typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isInteger(version) || version < 0) {
    throw new RequestError(
      400,
      'invalid_request',
      'The form is missing its settings version. Reload the page.',
    );
  }
  return version;
}

async function settingsPage(
  ctx: Context,
  deps: PageDeps,
  overrides: Partial<AdminSettingsPageOptions> = {},
): Promise<string> {
  const [{ settings, version }, counts] = await Promise.all([
    storedSettings(deps),
    activeTokenCounts(deps),
  ]);
  const notice = typeof ctx.query.notice === 'string' ? NOTICES[ctx.query.notice] : undefined;
  return renderAdminSettingsPage({
    nav: siteNav(ctx, 'admin'),
    csrfToken: signedIn(ctx).csrfToken,
    version,
    values: settingsFormValues(settings),
    errors: {},
    apiTokenAuth: { enabled: settings.apiTokenAuthEnabled, activeTokens: counts.activeTokens },
    ...(notice === undefined ? {} : { notice }),
    ...overrides,
  });
}

/** Writes new settings with the version the form was rendered with, audited with the diff. */
async function writeSettings(
  ctx: Context,
  deps: PageDeps,
  input: unknown,
  expectedVersion: number,
) {
  const actor = signedIn(ctx).user;
  const result = await writeOrgSettings(deps.store, deps.config.orgId, input, {
    expectedVersion,
    actor: actor.id,
  });
  if (result.ok) {
    await deps.settings.refresh();
    await deps.audit({
      orgId: deps.config.orgId,
      action: 'settings.changed',
      outcome: 'success',
      actor: actor.id,
      ip: ctx.ip,
      details: { version: result.version, changes: result.changes },
    });
  }
  return result;
}

/** The conflict view: current values, and the submitted ones that differ from them. */
async function showConflict(
  ctx: Context,
  deps: PageDeps,
  submitted: unknown,
  currentVersion: number,
) {
  const { settings } = await storedSettings(deps);
  const parsed = parseOrgSettings(submitted);
  const unsaved = parsed.ok ? diffOrgSettings(settings, parsed.settings) : [];
  sendPage(ctx, await settingsPage(ctx, deps, { conflict: { currentVersion, unsaved } }), 409);
}

async function saveSettingsForm(ctx: Context, deps: PageDeps): Promise<void> {
  const expectedVersion = formVersion(ctx.request.body);
  const values = readSettingsForm(ctx.request.body);
  const { settings } = await storedSettings(deps);
  const input = settingsInputFromForm(values, settings);
  const result = await writeSettings(ctx, deps, input, expectedVersion);
  if (result.ok) return redirectWithNotice(ctx, '/admin/settings', 'saved');
  if (result.reason === 'conflict') return showConflict(ctx, deps, input, result.currentVersion);
  const errors = settingsFormErrors(result.errors, values);
  sendPage(ctx, await settingsPage(ctx, deps, { values, errors, version: expectedVersion }), 400);
}

async function switchApiTokenAuth(ctx: Context, deps: PageDeps): Promise<void> {
  const body = ctx.request.body as Record<string, unknown>;
  const expectedVersion = formVersion(body);
  const enable = body.enabled === 'true';
  if (body.confirm !== 'yes') {
    const counts = await activeTokenCounts(deps);
    const { csrfToken } = signedIn(ctx);
    const nav = siteNav(ctx, 'admin');
    sendPage(
      ctx,
      renderApiTokenAuthConfirmPage({
        nav,
        csrfToken,
        version: expectedVersion,
        enable,
        ...counts,
      }),
    );
    return;
  }
  const { settings } = await storedSettings(deps);
  const input = { ...settings, apiTokenAuthEnabled: enable };
  const result = await writeSettings(ctx, deps, input, expectedVersion);
  if (result.ok)
    return redirectWithNotice(
      ctx,
      '/admin/settings',
      enable ? 'api-token-auth-on' : 'api-token-auth-off',
    );
  if (result.reason === 'conflict') return showConflict(ctx, deps, input, result.currentVersion);
  throw new RequestError(500, 'server_error', 'The stored settings are not valid.', {
    expose: false,
  });
}

/** `/admin/settings`: GET shows, POST saves the form, and the API-token switch with its confirmation. */
export function addSettingsRoutes(router: Router, deps: PageDeps): void {
  router.get('/settings', async (ctx) => sendPage(ctx, await settingsPage(ctx, deps)));
  router.post('/settings', (ctx) => saveSettingsForm(ctx, deps));
  router.post('/settings/api-token-auth', (ctx) => switchApiTokenAuth(ctx, deps));
}
