/**
 * Handlebars behind a thin adapter: the layout and partials in `templates/`, compiled in strict
 * mode (a value missing from the view fails the build with the template, line and data path),
 * with the `t` helper bound to one locale's strings.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '../errors.js';
import type { Translate } from '../i18n/index.js';
import Handlebars from './handlebars.js';
import { type PrecompileOptions, precompiledTemplate } from './precompiled.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateSources {
  dir: string;
  layout: string;
  partials: Record<string, string>;
  css: string;
}

export async function readTemplates(dir: string = TEMPLATES_DIR): Promise<TemplateSources> {
  const partialDir = path.join(dir, 'partials');
  const names = (await readdir(partialDir)).filter((f) => f.endsWith('.hbs')).sort();
  const partials: Record<string, string> = {};
  for (const name of names)
    partials[name.replace(/\.hbs$/, '')] = await readFile(path.join(partialDir, name), 'utf8');
  return {
    dir,
    layout: await readFile(path.join(dir, 'layout.hbs'), 'utf8'),
    partials,
    css: await readFile(path.join(dir, 'styles', 'report.css'), 'utf8'),
  };
}

export type RenderTemplate = (view: object) => string;

interface HandlebarsError extends Error {
  lineNumber?: number;
  column?: number;
  templateFile?: string;
}

/** Runs a compiled template and, on error, names the template file and line (innermost wins). */
function located(file: string, template: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  return (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      const e = error as HandlebarsError;
      if (e instanceof Error && e.templateFile === undefined) e.templateFile = file;
      throw error;
    }
  };
}

interface CompiledSet {
  layout: Handlebars.TemplateDelegate;
  file: string;
}

/** Loaded once per set of template sources, for both languages. */
const compiled = new WeakMap<TemplateSources, Promise<CompiledSet>>();

const COMPILE_OPTIONS: PrecompileOptions = { strict: true, noEscape: false, preventIndent: true };

/** One template's precompiled form; a template that does not parse is invalid input. */
async function load(
  hb: typeof Handlebars,
  file: string,
  source: string,
  cacheDir: string | undefined,
): Promise<Handlebars.TemplateDelegate> {
  try {
    return located(file, hb.template(await precompiledTemplate(source, COMPILE_OPTIONS, cacheDir)));
  } catch (error) {
    const e = error as HandlebarsError;
    throw new InvalidInputError(
      `Could not compile template (${file})`,
      [
        {
          file,
          path: '',
          ...position(e),
          expected: 'a template Handlebars can parse',
          found: e.message.split('\n').at(-1) ?? e.message,
        },
      ],
      { cause: error },
    );
  }
}

async function compileSet(sources: TemplateSources, cacheDir?: string): Promise<CompiledSet> {
  const hb = Handlebars.create();
  // The translator travels in the render's @data, so one compiled set serves every language.
  hb.registerHelper('t', (key: string, helperOptions: Handlebars.HelperOptions) =>
    (helperOptions.data as { translate: Translate }).translate(key, helperOptions.hash),
  );
  const file = path.join(sources.dir, 'layout.hbs');
  const [layout, ...partials] = await Promise.all([
    load(hb, file, sources.layout, cacheDir),
    ...Object.entries(sources.partials).map(async ([name, source]) => {
      const partialFile = path.join(sources.dir, 'partials', `${name}.hbs`);
      return [name, await load(hb, partialFile, source, cacheDir)] as const;
    }),
  ]);
  for (const [name, partial] of partials) hb.registerPartial(name, partial);
  return { layout, file };
}

/**
 * The report's template for one language. Templates are precompiled once per source text and
 * kept in memory and, with `cacheDir`, on disk (see precompiled.ts).
 */
export async function compileTemplates(
  sources: TemplateSources,
  t: Translate,
  cacheDir?: string,
): Promise<RenderTemplate> {
  let set = compiled.get(sources);
  if (!set) {
    set = compileSet(sources, cacheDir);
    compiled.set(sources, set);
    set.catch(() => compiled.delete(sources));
  }
  const { layout, file } = await set;
  return (view) => {
    try {
      return layout(view, { allowProtoPropertiesByDefault: false, data: { translate: t } });
    } catch (error) {
      throw templateError(error as HandlebarsError, file);
    }
  };
}

/** Where Handlebars puts the error (1-based); a parse error gives its line only in the message. */
function position(error: HandlebarsError): { line?: number; column?: number } {
  const line =
    error.lineNumber ?? Number(/^Parse error on line (\d+)/.exec(error.message)?.[1] ?? Number.NaN);
  return {
    ...(Number.isFinite(line) ? { line } : {}),
    ...(error.column !== undefined ? { column: error.column + 1 } : {}),
  };
}

function templateError(error: HandlebarsError, fallbackFile: string): InvalidInputError {
  const file = error.templateFile ?? fallbackFile;
  // Strict mode says `"name" not defined in <object>`; view objects print as their data path.
  const match = /"([^"]+)" not defined in (.*?)(?: - \d+:\d+)?$/.exec(error.message);
  const name = match?.[1];
  const where = match?.[2];
  return new InvalidInputError(
    `Could not render template (${file})`,
    [
      {
        file,
        path: name ? (where && !where.startsWith('[object') ? `${where}.${name}` : name) : '',
        ...position(error),
        expected: name ? `a value for "${name}" in the report view` : 'a template that renders',
        found: name ? 'nothing (missing from the view)' : error.message,
      },
    ],
    { cause: error },
  );
}
