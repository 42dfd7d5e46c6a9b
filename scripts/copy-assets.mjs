// Copies the non-TypeScript files a package serves at run time (stylesheets, scripts for pages)
// from its source folder into its build output, keeping relative paths.
// Usage: node scripts/copy-assets.mjs <srcDir> <outDir>
import { cpSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ASSET_EXTENSIONS = ['.css', '.js', '.svg', '.ico'];
const [srcDir, outDir] = process.argv.slice(2);
if (!srcDir || !outDir) {
  console.error('usage: node scripts/copy-assets.mjs <srcDir> <outDir>');
  process.exit(2);
}

for (const entry of readdirSync(srcDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !ASSET_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(outDir, relative(srcDir, from));
  cpSync(from, to);
}
