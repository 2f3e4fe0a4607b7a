/**
 * Handlebars templates precompiled to JavaScript, kept in memory and in the disk cache under a
 * hash of their source, the compile options and Handlebars' version. A process that finds them
 * there runs them on Handlebars' runtime alone: parsing and compiling the layout and partials
 * cost a cold build ~100 ms (more while Chromium starts on the other core); loading them ~10 ms.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { BoundedMap } from '../bounded-map.js';
import { readCheckedCacheFile, writeCheckedCacheFile } from '../io/cache-file.js';
import Handlebars from './handlebars.js';

/** What `Handlebars.precompile` writes, evaluated: the argument of `Handlebars.template`. */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

export interface PrecompileOptions {
  strict: boolean;
  noEscape: boolean;
  preventIndent: boolean;
}

/** Enough for every template of several template folders; the oldest entry goes first. */
const memory = new BoundedMap<string, TemplateSpecification>(256);
const stats = { compiled: 0, fromDisk: 0, fromMemory: 0 };

/** Where each template came from since the process started, for tests and logs. */
export function precompileStats(): Readonly<typeof stats> {
  return { ...stats };
}

function templateKey(source: string, options: PrecompileOptions): string {
  return createHash('sha256')
    .update(JSON.stringify([Handlebars.VERSION, options, source]))
    .digest('hex');
}

/** The code precompile wrote, as the object `Handlebars.template` takes; undefined if it is not. */
function evaluate(code: string): TemplateSpecification | undefined {
  try {
    const spec = new Function(`return (${code});`)() as TemplateSpecification | undefined;
    return typeof spec === 'object' && spec !== null && 'main' in spec ? spec : undefined;
  } catch {
    return undefined; // a damaged cache file: compiled again below
  }
}

/**
 * The template's precompiled form. Throws Handlebars' own parse error for a template that does
 * not parse (with `lineNumber` where Handlebars gives one).
 */
export async function precompiledTemplate(
  source: string,
  options: PrecompileOptions,
  cacheDir?: string,
): Promise<TemplateSpecification> {
  const key = templateKey(source, options);
  const remembered = memory.get(key);
  if (remembered) {
    stats.fromMemory += 1;
    return remembered;
  }
  const file = cacheDir ? path.join(cacheDir, 'templates', `${key}.js`) : undefined;
  const stored = file ? await readCheckedCacheFile(file) : undefined;
  let spec = stored === undefined ? undefined : evaluate(stored.toString('utf8'));
  if (spec) {
    stats.fromDisk += 1;
  } else {
    const { default: compiler } = await import('handlebars');
    // A copy: precompile adds its defaults (`data: true`) to the options object it is given.
    const code = compiler.precompile(source, { ...options }) as string;
    spec = evaluate(code);
    if (!spec) throw new Error('Handlebars.precompile returned code that does not evaluate');
    stats.compiled += 1;
    // Not awaited: the template is ready now; the cache file follows (see writeCheckedCacheFile).
    if (file) void writeCheckedCacheFile(file, code);
  }
  memory.set(key, spec);
  return spec;
}

/** Forgets the templates kept in memory (tests read them from disk or compile them again). */
export function clearPrecompiled(): void {
  memory.clear();
  stats.compiled = 0;
  stats.fromDisk = 0;
  stats.fromMemory = 0;
}
