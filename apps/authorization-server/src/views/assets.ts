import { fileURLToPath } from 'node:url';

/** Where pages link the stylesheet; the app serves `APP_CSS_PATH` at this URL path. */
export const APP_CSS_HREF = '/assets/app.css';

/**
 * Absolute filesystem path of the pages' one stylesheet, next to this module (in `src/` when
 * run from source, in `dist/` once the build has copied it there).
 */
export const APP_CSS_PATH: string = fileURLToPath(new URL('./app.css', import.meta.url));
