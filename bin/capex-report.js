#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22+ keeps V8's compiled code between runs (a faster start); Node 20 has no such API.
module.enableCompileCache?.();

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('capex-report: dist/ is missing; run `npm ci` or `npm run build` first.\n');
  process.exit(3);
}
await import(entry.href);
