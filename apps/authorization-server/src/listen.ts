import { listenApp } from '@gatehouse/server-kit';
import { type AppDeps, type AuthorizationServer, createAuthorizationServer } from './app.js';
import type { AsConfig } from './env.js';

/** A listening authorization server. */
export interface RunningAuthorizationServer extends AuthorizationServer {
  /** The configuration in force, with the real port (and issuer, when the port was 0). */
  config: AsConfig;
  /** The issuer. */
  url: string;
}

/**
 * Binds the port first, then builds the app. With `port: 0` (tests) the issuer becomes
 * `http://<host>:<ephemeral port>`, since an issuer must name where the server really is.
 */
export function listenAuthorizationServer(
  config: AsConfig,
  deps: AppDeps,
): Promise<RunningAuthorizationServer> {
  return listenApp(config, async (bound) => {
    const finalConfig =
      config.port === 0 ? { ...config, port: bound.port, issuer: bound.origin } : config;
    const built = await createAuthorizationServer(finalConfig, deps);
    return { ...built, config: finalConfig, url: finalConfig.issuer };
  });
}
