import { readFileSync } from 'node:fs';

/** capex-report's version, from package.json (written into PDFs and manifests). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
