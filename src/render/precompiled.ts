/**
 * Handlebars templates precompiled to JavaScript and kept in the cache (kind `templates`) under a
 * hash of their source, the compile options and Handlebars' version. A process that finds them
 * there runs them on Handlebars' runtime alone: parsing and compiling the layout and partials
 * cost a cold build ~100 ms (more while Chromium starts on the other core); loading them ~10 ms.
 */
import { type Cache, cacheKey } from '../cache/index.js';
import { msg } from '../messages/index.js';
import Handlebars from './handlebars.js';

/** What `Handlebars.precompile` writes, evaluated: the argument of `Handlebars.template`. */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

export interface PrecompileOptions {
  strict: boolean;
  noEscape: boolean;
  preventIndent: boolean;
}

/** The code precompile wrote, as the object `Handlebars.template` takes; undefined if it is not. */
function evaluate(code: string): TemplateSpecification | undefined {
  try {
    const spec = new Function(`return (${code});`)() as TemplateSpecification | undefined;
    return typeof spec === 'object' && spec !== null && 'main' in spec ? spec : undefined;
  } catch {
    return undefined; // not code precompile wrote: compiled again below
  }
}

/**
 * The template's precompiled form. Throws Handlebars' own parse error for a template that does
 * not parse (with `lineNumber` where Handlebars gives one).
 */
export async function precompiledTemplate(
  source: string,
  options: PrecompileOptions,
  cache?: Cache,
): Promise<TemplateSpecification> {
  const key = cacheKey(Handlebars.VERSION, options, source);
  const stored = await cache?.read('templates', key);
  const kept = stored === undefined ? undefined : evaluate(stored.toString('utf8'));
  if (kept) return kept;
  const { default: compiler } = await import('handlebars');
  // A copy: precompile adds its defaults (`data: true`) to the options object it is given.
  const code = compiler.precompile(source, { ...options }) as string;
  const spec = evaluate(code);
  if (!spec) throw new Error(msg.render.precompileFailed);
  cache?.write('templates', key, code);
  return spec;
}
