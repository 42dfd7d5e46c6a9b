/**
 * The MCP endpoint (the resource URL's path), over Streamable HTTP, stateless: POST only, every
 * request authenticated on its own, a fresh protocol server and transport per request. Read the
 * steps top to bottom; each may answer and stop.
 */
import type { OrgSettings } from '@gatehouse/policy';
import type { Workspace } from '@gatehouse/workspace';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import type { ChallengeSettings } from '../auth/auth-errors.js';
import { API_TOKENS_DISABLED_DESCRIPTION, tokenInQueryError } from '../auth/auth-errors.js';
import { type AuthenticateDeps, authenticate, type Principal } from '../auth/authenticate.js';
import type { CredentialThrottle } from '../auth/credential-throttle.js';
import { hasTokenInQuery, parseAuthorizationHeader } from '../auth/credentials.js';
import { compose } from '../http/compose.js';
import { RequestError } from '../http/errors.js';
import { type JsonRpcBody, readJsonRpcBody } from '../http/json-rpc-body.js';
import { originGuard } from '../http/origin-guard.js';
import { createProtocolServer } from './protocol-server.js';
import { invalidParamsAnswer } from './request-params.js';
import type { ToolCallAudit } from './tool-audit.js';
import { gateToolCalls } from './tool-call-gate.js';

/** What the endpoint needs. */
export interface McpEndpointDeps {
  resourceUrl: string;
  credentialThrottle: CredentialThrottle;
  allowedOrigins: readonly string[];
  challenges: ChallengeSettings;
  auth: AuthenticateDeps;
  settings: () => OrgSettings;
  workspace: Workspace;
  audit: ToolCallAudit;
  logger: Logger;
}

interface McpState {
  principal: Principal;
  /** The scheme the credential came in (`authenticate` accepts only these two). */
  scheme: 'basic' | 'bearer';
  body: JsonRpcBody;
}

/** How long a browser may cache a preflight answer: 10 minutes, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 10 * 60;

const state = (ctx: Context) => ctx.state as McpState;

/** CORS for allowed browser origins (the origin guard has already refused the others). */
const allowBrowserClients: Middleware = async function allowBrowserClients(ctx, next) {
  const origin = ctx.get('origin');
  if (origin !== '') {
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.vary('Origin');
    ctx.set('Access-Control-Expose-Headers', 'WWW-Authenticate, Mcp-Protocol-Version');
  }
  if (ctx.method !== 'OPTIONS') return next();
  ctx.set('Access-Control-Allow-Methods', 'POST');
  ctx.set(
    'Access-Control-Allow-Headers',
    'Authorization, Content-Type, Accept, Mcp-Protocol-Version, Mcp-Session-Id, Last-Event-ID',
  );
  ctx.set('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
  ctx.status = 204;
};

/**
 * What `/mcp` serves, for the 405's `Allow` (RFC 9110 §15.5.6): POST, and OPTIONS for CORS
 * preflights (answered by `allowBrowserClients` before this check).
 */
const ALLOWED_METHODS = 'POST, OPTIONS';

/** Stateless: no SSE stream to GET, no session to DELETE. */
const onlyPost: Middleware = async function onlyPost(ctx, next) {
  if (ctx.method === 'POST') return next();
  ctx.set('Allow', ALLOWED_METHODS);
  throw new RequestError(
    405,
    'method_not_allowed',
    'This MCP server is stateless: send every message with POST; there is no stream or session.',
  );
};

/** A refusal of the credential itself: not an outage, not the org's switch being off. */
function isFailedAttempt(error: unknown): boolean {
  return (
    error instanceof RequestError &&
    error.status === 401 &&
    error.description !== API_TOKENS_DISABLED_DESCRIPTION
  );
}

export function createMcpEndpoint(deps: McpEndpointDeps): Middleware {
  const path = new URL(deps.resourceUrl).pathname;

  const rejectTokenInQuery: Middleware = async function rejectTokenInQuery(ctx, next) {
    if (hasTokenInQuery(ctx.query)) throw tokenInQueryError(deps.challenges);
    return next();
  };

  const authenticateCaller: Middleware = async function authenticateCaller(ctx, next) {
    const credential = parseAuthorizationHeader(ctx.get('authorization') || undefined);
    await deps.credentialThrottle.assertAllowed(credential);
    try {
      state(ctx).principal = await authenticate(credential, deps.auth);
      state(ctx).scheme = credential.kind === 'basic' ? 'basic' : 'bearer';
    } catch (error) {
      if (!isFailedAttempt(error)) throw error;
      // Over the address's limit, the failing attempt is answered 429 instead (never a working one).
      throw (await deps.credentialThrottle.recordFailure(ctx.ip, credential)) ?? error;
    }
    return next();
  };

  const readBody: Middleware = async function readBody(ctx, next) {
    state(ctx).body = await readJsonRpcBody(ctx.req, ctx.get('content-type'));
    return next();
  };

  /** -32602 for params the SDK would answer -32603 with a zod dump (`request-params.ts`). */
  const refuseInvalidParams: Middleware = async function refuseInvalidParams(ctx, next) {
    const answer = invalidParamsAnswer(state(ctx).body.messages);
    if (answer === undefined) return next();
    ctx.status = 200;
    ctx.body = answer;
  };

  const gateCalls: Middleware = async function gateCalls(ctx, next) {
    const { principal, scheme, body } = state(ctx);
    await gateToolCalls(body.messages, { ...deps, principal, scheme, ip: ctx.ip });
    return next();
  };

  const serveWithSdk: Middleware = async function serveWithSdk(ctx) {
    const { principal, body } = state(ctx);
    const server = createProtocolServer({ ...deps, principal, ip: ctx.ip });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    ctx.respond = false;
    ctx.res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(ctx.req, ctx.res, body.json);
  };

  const endpoint = compose([
    originGuard({ resourceUrl: deps.resourceUrl, allowedOrigins: deps.allowedOrigins }),
    allowBrowserClients,
    onlyPost,
    rejectTokenInQuery,
    authenticateCaller,
    readBody,
    refuseInvalidParams,
    gateCalls,
    serveWithSdk,
  ]);
  return async function mcpEndpoint(ctx, next) {
    return ctx.path === path ? endpoint(ctx, next) : next();
  };
}
