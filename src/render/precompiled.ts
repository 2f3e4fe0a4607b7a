/**
 * Handlebars templates precompiled to JavaScript, once per process and set of template files (see
 * templates.ts), and run on Handlebars' runtime. They used to be kept in the cache as well; a
 * same-run A/B of cold builds showed no gain beyond the noise (bench/README.md), so they are not.
 */
import { msg } from '../messages/index.js';
import type Handlebars from './handlebars.js';

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
): Promise<TemplateSpecification> {
  const { default: compiler } = await import('handlebars');
  // A copy: precompile adds its defaults (`data: true`) to the options object it is given.
  const code = compiler.precompile(source, { ...options }) as string;
  const spec = evaluate(code);
  if (!spec) throw new Error(msg.render.precompileFailed);
  return spec;
}
