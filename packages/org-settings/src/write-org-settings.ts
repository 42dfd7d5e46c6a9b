import {
  diffOrgSettings,
  type OrgSettings,
  parseOrgSettings,
  type SettingsChange,
  type SettingsFieldError,
} from '@gatehouse/policy';
import { type Store, VersionConflictError } from '@gatehouse/store';

export type WriteOrgSettingsResult =
  | { ok: true; settings: OrgSettings; version: number; changes: SettingsChange[] }
  | { ok: false; reason: 'invalid'; errors: SettingsFieldError[] }
  | { ok: false; reason: 'conflict'; currentVersion: number };

/**
 * Validates and writes new settings with compare-and-set, then tells every process (the events
 * channel) so the change takes effect within a second. Returns the changed fields for the audit
 * log, or why nothing was written: invalid input, or someone else wrote first.
 */
export async function writeOrgSettings(
  store: Store,
  orgId: string,
  input: unknown,
  options: { expectedVersion: number; actor: string | null },
): Promise<WriteOrgSettingsResult> {
  const parsed = parseOrgSettings(input);
  if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
  const previous = await store.settings.get(orgId);
  const previousSettings = parseOrgSettings(previous?.value);
  try {
    const written = await store.settings.put(
      orgId,
      parsed.settings as unknown as Record<string, unknown>,
      options,
    );
    await store.events.publish({ type: 'settings.changed', orgId, version: written.version });
    const old = previousSettings.ok ? previousSettings.settings : parsed.settings;
    return {
      ok: true,
      settings: parsed.settings,
      version: written.version,
      changes: diffOrgSettings(old, parsed.settings),
    };
  } catch (error) {
    if (error instanceof VersionConflictError) {
      return { ok: false, reason: 'conflict', currentVersion: error.currentVersion };
    }
    throw error;
  }
}
