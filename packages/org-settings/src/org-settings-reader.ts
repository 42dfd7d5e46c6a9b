import { DEFAULT_ORG_SETTINGS, type OrgSettings, parseOrgSettings } from '@gatehouse/policy';
import type { Store } from '@gatehouse/store';

/** Where the reader reports problems it handles itself; pino fits. */
export interface SettingsLogger {
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

/**
 * The org's settings as this process currently knows them. Reads are synchronous (every
 * authorization, token and MCP request needs them); the value is refreshed from the store when
 * the events channel says it changed, and on a slow timer as a safety net.
 */
export interface OrgSettingsReader {
  current(): OrgSettings;
  /** The stored version the current value came from; 0 while nothing is stored. */
  version(): number;
  /** Re-reads the store now. */
  refresh(): Promise<void>;
  /** Calls `listener` after every refresh that changed the version. Returns an unsubscribe. */
  onChange(listener: (settings: OrgSettings, version: number) => void): () => void;
  close(): void;
}

/** Safety-net refresh period, in milliseconds, for a missed change event. */
const REFRESH_INTERVAL_MS = 30_000;

export async function createOrgSettingsReader(
  store: Store,
  orgId: string,
  logger: SettingsLogger,
): Promise<OrgSettingsReader> {
  let settings: OrgSettings = DEFAULT_ORG_SETTINGS;
  let version = 0;
  const listeners = new Set<(settings: OrgSettings, version: number) => void>();

  async function refresh(): Promise<void> {
    const stored = await store.settings.get(orgId);
    const before = version;
    if (stored === null) {
      settings = DEFAULT_ORG_SETTINGS;
      version = 0;
    } else {
      const parsed = parseOrgSettings(stored.value);
      if (!parsed.ok) {
        // Keep the last good value rather than silently widening access with defaults.
        logger.error(
          { orgId, errors: parsed.errors },
          'stored org settings are invalid; keeping the last good ones',
        );
        return;
      }
      settings = parsed.settings;
      version = stored.version;
    }
    if (version !== before) for (const listener of listeners) listener(settings, version);
  }

  const refreshQuietly = () => {
    refresh().catch((error: unknown) => logger.warn({ err: error }, 'settings refresh failed'));
  };

  await refresh();
  const unsubscribe = store.events.subscribe((event) => {
    if (event.type === 'settings.changed' && event.orgId === orgId && event.version !== version) {
      refreshQuietly();
    }
  });
  const timer = setInterval(refreshQuietly, REFRESH_INTERVAL_MS);
  timer.unref();

  return {
    current: () => settings,
    version: () => version,
    refresh,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      unsubscribe();
      clearInterval(timer);
      listeners.clear();
    },
  };
}
