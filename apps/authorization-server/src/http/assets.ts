import { readFileSync } from 'node:fs';
import type { Middleware } from 'koa';
import { APP_CSS_HREF, APP_CSS_PATH, COPY_JS_HREF, COPY_JS_PATH } from '../views/assets.js';

/** One hour, in seconds: long enough to spare requests, short enough for a redeploy. */
const ASSET_MAX_AGE_SECONDS = 60 * 60;

/** Serves the pages' stylesheet and their one script, each read once at start-up. */
export function assets(): Middleware {
  const files = new Map([
    [APP_CSS_HREF, { type: 'text/css; charset=utf-8', body: readFileSync(APP_CSS_PATH) }],
    [COPY_JS_HREF, { type: 'text/javascript; charset=utf-8', body: readFileSync(COPY_JS_PATH) }],
  ]);
  return async function assetsMiddleware(ctx, next) {
    const file = files.get(ctx.path);
    if (file === undefined || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    ctx.type = file.type;
    ctx.set('Cache-Control', `public, max-age=${ASSET_MAX_AGE_SECONDS}`);
    ctx.body = file.body;
  };
}
