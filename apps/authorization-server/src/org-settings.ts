import { DEFAULT_ORG_SETTINGS, type OrgSettings, parseOrgSettings } from '@gatehouse/policy';
import type { Store } from '@gatehouse/store';
import type { Logger } from 'pino';

/**
 * The org's settings as this process currently knows them. Reads are synchronous (every
 * authorization and token request needs them); the value is refreshed from the store when the
 * events channel says it changed, and on a slow timer as a safety net.
 */
export interface OrgSettingsReader {
  current(): OrgSettings;
  version(): number;
  /** Re-reads the store now. */
  refresh(): Promise<void>;
  close(): void;
}

/** Safety-net refresh period, in milliseconds, for a missed change event. */
const REFRESH_INTERVAL_MS = 30_000;

export async function createOrgSettingsReader(
  store: Store,
  orgId: string,
  logger: Logger,
): Promise<OrgSettingsReader> {
  let settings: OrgSettings = DEFAULT_ORG_SETTINGS;
  let version = 0;

  async function refresh(): Promise<void> {
    const stored = await store.settings.get(orgId);
    if (stored === null) {
      settings = DEFAULT_ORG_SETTINGS;
      version = 0;
      return;
    }
    const parsed = parseOrgSettings(stored.value);
    if (parsed.ok) {
      settings = parsed.settings;
      version = stored.version;
    } else {
      // Keep the last good value rather than silently widening access with defaults.
      logger.error(
        { orgId, errors: parsed.errors },
        'stored org settings are invalid; keeping the last good ones',
      );
    }
  }

  await refresh();
  const unsubscribe = store.events.subscribe((event) => {
    if (event.type === 'settings.changed' && event.orgId === orgId && event.version > version) {
      refresh().catch((error: unknown) => logger.warn({ err: error }, 'settings refresh failed'));
    }
  });
  const timer = setInterval(() => {
    refresh().catch((error: unknown) => logger.warn({ err: error }, 'settings refresh failed'));
  }, REFRESH_INTERVAL_MS);
  timer.unref();

  return {
    current: () => settings,
    version: () => version,
    refresh,
    close() {
      unsubscribe();
      clearInterval(timer);
    },
  };
}
