/**
 * The project's own places and facts, in one module: where its templates and locale files are
 * (they ship with the package), its version, and the default cache folder. Settings a user may
 * change (paths of data, output and archive, paper, languages) are in src/config/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (the one holding package.json, templates/ and locales/). */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** capex-report's version, from package.json (written into PDFs and manifests). */
export const VERSION: string = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** Layout, partials, the print stylesheet (styles/) and the chart specs (charts/). */
export const TEMPLATES_DIR = path.join(ROOT, 'templates');
/** `en.json` and `zh-TW.json`: the report's fixed strings. */
export const LOCALES_DIR = path.join(ROOT, 'locales');
/** The usual place for tools' caches; never inside the output a client may be sent. */
export const DEFAULT_CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'capex-report');
