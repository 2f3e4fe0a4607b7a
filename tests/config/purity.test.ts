/**
 * The config module loads without the build: a `capex-report config` or a script reading the
 * settings must not pull in Puppeteer, Vega or the renderer. Checked on the import graph.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    // Type-only imports are erased from the compiled code: they load nothing.
    const runtime = source.replace(/^import type [^;]+;$/gms, '');
    for (const [, spec] of runtime.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
      if (spec === undefined) continue;
      if (spec.startsWith('.'))
        visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
    // yaml.ts loads the yaml package through createRequire.
    for (const [, spec] of source.matchAll(/require\('([^']+)'\)/g)) if (spec) packages.add(spec);
  };
  visit(path.resolve(entry));
  return { files, packages };
}

test('src/config imports only zod, yaml, node: and the input-file modules', () => {
  const { files, packages } = importGraph('src/config/index.ts');
  const outside = [...files]
    .map((f) => path.relative('src', f))
    .filter((f) => !/^(config|io|messages)\//.test(f))
    .sort();
  expect(outside).toEqual(['data/limits.ts', 'data/schema.ts', 'data/suggest.ts', 'errors.ts']);
  const external = [...packages].filter((p) => !p.startsWith('node:')).sort();
  expect(external).toEqual(['yaml', 'zod']);
});
