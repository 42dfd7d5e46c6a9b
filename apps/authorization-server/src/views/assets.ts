import { fileURLToPath } from 'node:url';

/** Where pages link the stylesheet; the app serves `APP_CSS_PATH` at this URL path. */
export const APP_CSS_HREF = '/assets/app.css';

/**
 * Absolute filesystem path of the pages' one stylesheet, next to this module (in `src/` when
 * run from source, in `dist/` once the build has copied it there).
 */
export const APP_CSS_PATH: string = fileURLToPath(new URL('./app.css', import.meta.url));

/** Where the token page loads its copy-to-clipboard helper; served from `COPY_JS_PATH`. */
export const COPY_JS_HREF = '/assets/copy.js';

/** Absolute filesystem path of the one page script (progressive enhancement only). */
export const COPY_JS_PATH: string = fileURLToPath(new URL('./copy.js', import.meta.url));
