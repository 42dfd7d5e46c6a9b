// Every export here is public API of @gatehouse/mcp-server; named exports only.
export { createMcpServer, type McpServer, type McpServerDeps } from './app.js';
export type { Principal } from './auth/authenticate.js';
export {
  type IntrospectionResult,
  IntrospectionUnavailableError,
  type Introspector,
  type TokenClaims,
} from './auth/introspection.js';
export { ConfigError, type McpConfig, parseMcpConfig } from './env.js';
export { resourceMetadataUrl } from './http/resource-metadata.js';
export { listenMcpServer, type RunningMcpServer } from './listen.js';
