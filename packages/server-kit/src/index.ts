// Every export here is public API of @gatehouse/server-kit; named exports only.
export { ConfigError, formatIssues, parseEnv, refuseInProduction } from './config/config-error.js';
export {
  DEPLOYMENT_ENV,
  type DeploymentConfig,
  type DeploymentEnv,
  deploymentConfig,
  deploymentProductionProblems,
} from './config/deployment-config.js';
export {
  booleanString,
  commaList,
  httpUrl,
  isPlainHttpOffLoopback,
  LOG_LEVELS,
  type LogLevel,
  portNumber,
} from './config/env-schemas.js';
export {
  INTROSPECTION_SECRET_KEY,
  loadIntrospectionSecret,
} from './config/introspection-secret.js';
export { openStore, type StoreSettings } from './config/open-store.js';
export {
  type ErrorLogger,
  type ErrorResponder,
  errorHandler,
  HIDDEN_ERROR_DESCRIPTION,
  httpErrorCode,
  isHttpError,
  toWireError,
  type WireError,
  writeJsonError,
} from './http/error-handler.js';
export { HEALTH_PATHS, healthRoutes, READINESS_TIMEOUT_MS } from './http/health-routes.js';
export { hostGuard } from './http/host-guard.js';
export { RequestError, type RequestErrorOptions } from './http/request-error.js';
export { type RequestLogger, requestLog } from './http/request-log.js';
export { type BoundAddress, boundOrigin, listenApp, type ServableApp } from './listen.js';
export { createLogger, REDACTED_LOG_PATHS } from './logger.js';
export { type MainProcess, runMain, STOP_SIGNALS, type Started } from './run-main.js';
