import { IncomingMessage } from 'node:http';
import { RequestError } from '@gatehouse/server-kit';
import type { Context, Middleware } from 'koa';
import {
  canonicalizeResources,
  foreignResource,
  type ParamList,
  withDefaultScope,
} from '../oidc/request-params.js';

/** oidc-provider's own cap on a request body (56 KiB); we read no more than it would. */
const MAX_FORM_BYTES = 56 * 1024;

async function readForm(ctx: Context): Promise<ParamList> {
  const length = ctx.request.length;
  if (length !== undefined && length > MAX_FORM_BYTES) {
    throw new RequestError(400, 'invalid_request', 'The request body is too large.');
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of ctx.req) {
    received += (chunk as Buffer).length;
    if (received > MAX_FORM_BYTES) {
      throw new RequestError(400, 'invalid_request', 'The request body is too large.');
    }
    chunks.push(chunk as Buffer);
  }
  return [...new URLSearchParams(Buffer.concat(chunks).toString('utf8'))];
}

/**
 * Hands oidc-provider a fresh, unread request carrying the rewritten form, so that it parses the
 * body itself exactly as it always does (content type, duplicates, its own limits).
 */
function replayForm(ctx: Context, params: ParamList): void {
  const body = Buffer.from(new URLSearchParams(params).toString(), 'utf8');
  const original = ctx.req;
  const replay = new IncomingMessage(original.socket);
  replay.method = original.method;
  replay.url = original.url;
  replay.httpVersionMajor = original.httpVersionMajor;
  replay.httpVersionMinor = original.httpVersionMinor;
  replay.headers = { ...original.headers, 'content-length': String(body.length) };
  replay.push(body);
  replay.push(null);
  // Marks the message as fully received: an IncomingMessage destroyed before it is complete
  // takes its socket down with it, and this one is complete by construction.
  replay.complete = true;
  ctx.req = replay;
  ctx.request.req = replay;
}

/**
 * Normalises OAuth parameters before oidc-provider sees them (see `oidc/request-params.ts`):
 * the resource's spelling at the authorization, PAR and token endpoints, the default scope at
 * authorization, and a foreign resource at the token endpoint refused *before* oidc-provider
 * consumes the refresh token or code it came with.
 */
export function oauthParams(options: {
  resourceUrl: string;
  paths: { authorization: string; par: string; token: string };
}): Middleware {
  const { resourceUrl, paths } = options;
  const authorizing = (params: ParamList) =>
    withDefaultScope(canonicalizeResources(params, resourceUrl));

  return async function oauthParamsMiddleware(ctx, next) {
    if (ctx.path === paths.authorization && ctx.method === 'GET') {
      const query = new URLSearchParams(authorizing([...new URLSearchParams(ctx.querystring)]));
      if (query.toString() !== new URLSearchParams(ctx.querystring).toString()) {
        ctx.querystring = query.toString();
      }
      return next();
    }
    const isForm =
      ctx.method === 'POST' && typeof ctx.is('application/x-www-form-urlencoded') === 'string';
    if (!isForm || ![paths.authorization, paths.par, paths.token].includes(ctx.path)) return next();
    const params = await readForm(ctx);
    if (ctx.path === paths.token) {
      const foreign = foreignResource(params, resourceUrl);
      if (foreign !== undefined) {
        throw new RequestError(
          400,
          'invalid_target',
          `This authorization server issues tokens only for ${resourceUrl}.`,
        );
      }
      replayForm(ctx, canonicalizeResources(params, resourceUrl));
    } else {
      replayForm(ctx, authorizing(params));
    }
    return next();
  };
}
