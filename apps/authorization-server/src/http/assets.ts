import { readFileSync } from 'node:fs';
import type { Middleware } from 'koa';
import { APP_CSS_PATH } from '../views/assets.js';

/** One hour, in seconds: long enough to spare requests, short enough for a redeploy. */
const ASSET_MAX_AGE_SECONDS = 60 * 60;

/** Serves `/assets/app.css`, read once at start-up. */
export function assets(): Middleware {
  const css = readFileSync(APP_CSS_PATH);
  return async function assetsMiddleware(ctx, next) {
    if (ctx.path !== '/assets/app.css' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
      return next();
    }
    ctx.type = 'text/css; charset=utf-8';
    ctx.set('Cache-Control', `public, max-age=${ASSET_MAX_AGE_SECONDS}`);
    ctx.body = css;
  };
}
