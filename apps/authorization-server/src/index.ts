// Every export here is public API of @gatehouse/authorization-server; named exports only.
export {
  type AppDeps,
  type AuthorizationServer,
  createAuthorizationServer,
  DEFAULT_RATE_LIMITS,
  type RateLimits,
} from './app.js';
export { type AsConfig, ConfigError, parseAsConfig } from './env.js';
export { listenAuthorizationServer, type RunningAuthorizationServer } from './listen.js';
export { ROUTES } from './oidc/configuration.js';
