/**
 * Handlebars behind a thin adapter: the layout and partials in `templates/`, compiled in strict
 * mode (a value missing from the view fails the build with the template, line and data path),
 * with the `t` helper bound to one locale's strings.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { InvalidInputError } from '../errors.js';
import type { Translate } from '../i18n/index.js';

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

/** Compiled once per set of template sources, for both languages (Handlebars compiles lazily). */
const compiled = new WeakMap<
  TemplateSources,
  { layout: Handlebars.TemplateDelegate; file: string }
>();

function compileOnce(sources: TemplateSources): {
  layout: Handlebars.TemplateDelegate;
  file: string;
} {
  const done = compiled.get(sources);
  if (done) return done;
  const hb = Handlebars.create();
  const options: CompileOptions = { strict: true, noEscape: false, preventIndent: true };
  // The translator travels in the render's @data, so one compiled set serves every language.
  hb.registerHelper('t', (key: string, helperOptions: Handlebars.HelperOptions) =>
    (helperOptions.data as { translate: Translate }).translate(key, helperOptions.hash),
  );
  for (const [name, source] of Object.entries(sources.partials)) {
    hb.registerPartial(
      name,
      located(path.join(sources.dir, 'partials', `${name}.hbs`), hb.compile(source, options)),
    );
  }
  const file = path.join(sources.dir, 'layout.hbs');
  const result = { layout: located(file, hb.compile(sources.layout, options)), file };
  compiled.set(sources, result);
  return result;
}

export function compileTemplates(sources: TemplateSources, t: Translate): RenderTemplate {
  const { layout, file } = compileOnce(sources);
  return (view) => {
    try {
      return layout(view, { allowProtoPropertiesByDefault: false, data: { translate: t } });
    } catch (error) {
      throw templateError(error as HandlebarsError, file);
    }
  };
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

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
        ...(error.lineNumber !== undefined ? { line: error.lineNumber } : {}),
        ...(error.column !== undefined ? { column: error.column + 1 } : {}),
        expected: name ? `a value for "${name}" in the report view` : 'a template that renders',
        found: name ? 'nothing (missing from the view)' : error.message,
      },
    ],
    { cause: error },
  );
}
