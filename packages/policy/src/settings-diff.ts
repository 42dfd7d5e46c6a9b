/** What changed between two versions of an org's settings, for the admin audit log. */
import type { OrgSettings } from './settings.js';

/** One changed setting: its dotted path and the values before and after. */
export interface SettingsChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/**
 * Every leaf setting whose value differs, in schema order, e.g.
 * `{ field: 'permissionGroups.jira.write', oldValue: true, newValue: false }`.
 * Lists (`allowedClientDomains`) are one value each, compared in order: a list whose entries
 * changed is reported once, with the whole old and new lists.
 */
export function diffOrgSettings(old: OrgSettings, next: OrgSettings): SettingsChange[] {
  const changes: SettingsChange[] = [];
  collectChanges([], old, next, changes);
  return changes;
}

function collectChanges(
  path: readonly string[],
  oldValue: unknown,
  newValue: unknown,
  changes: SettingsChange[],
): void {
  if (isPlainObject(oldValue) && isPlainObject(newValue)) {
    const keys = new Set([...Object.keys(oldValue), ...Object.keys(newValue)]);
    for (const key of keys) collectChanges([...path, key], oldValue[key], newValue[key], changes);
    return;
  }
  if (!isSameValue(oldValue, newValue)) {
    changes.push({ field: path.join('.'), oldValue, newValue });
  }
}

function isSameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
  }
  return Object.is(a, b);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
