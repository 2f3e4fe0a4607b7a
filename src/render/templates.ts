/**
 * Handlebars behind a thin adapter: the layout and partials in `templates/`, compiled in strict
 * mode (a value missing from the view fails the build with the template, line and data path),
 * with the `t` helper bound to one locale's strings.
 */
import path from 'node:path';
import { BoundedMap } from '../cache/bounded-map.js';
import { InvalidInputError } from '../errors.js';
import type { Translate } from '../i18n/index.js';
import { type InputFile, shownName, textOf } from '../inputs/files.js';
import type { TemplateFiles } from '../inputs/load.js';
import { msg } from '../messages/index.js';
import Handlebars from './handlebars.js';
import { type PrecompileOptions, precompiledTemplate } from './precompiled.js';

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

/**
 * Compiled once per content of the template files, for both languages: a long-lived process (the
 * preview, a batch) reads the files again for each build and reuses the compiled set while they
 * are unchanged.
 */
const compiled = new BoundedMap<string, Promise<CompiledSet>>(8);

const contentKey = (templates: TemplateFiles) =>
  [templates.layout, ...templates.partials]
    .map((f) => `${f.path ?? f.name}:${f.sha256}`)
    .join('\n');

const COMPILE_OPTIONS: PrecompileOptions = { strict: true, noEscape: false, preventIndent: true };

/** One template's precompiled form; a template that does not parse is invalid input. */
async function load(hb: typeof Handlebars, input: InputFile): Promise<Handlebars.TemplateDelegate> {
  const file = shownName(input);
  try {
    return located(file, hb.template(await precompiledTemplate(textOf(input), COMPILE_OPTIONS)));
  } catch (error) {
    const e = error as HandlebarsError;
    throw new InvalidInputError(
      msg.render.couldNotCompile(file),
      [
        {
          file,
          path: '',
          ...position(e),
          ...msg.render.templateSyntax(e.message.split('\n').at(-1) ?? e.message),
        },
      ],
      { cause: error },
    );
  }
}

async function compileSet(templates: TemplateFiles): Promise<CompiledSet> {
  const hb = Handlebars.create();
  // The translator travels in the render's @data, so one compiled set serves every language.
  hb.registerHelper('t', (key: string, helperOptions: Handlebars.HelperOptions) =>
    (helperOptions.data as { translate: Translate }).translate(key, helperOptions.hash),
  );
  const [layout, ...partials] = await Promise.all([
    load(hb, templates.layout),
    ...templates.partials.map(async (partial) => {
      const name = path.posix.basename(partial.name, '.hbs');
      return [name, await load(hb, partial)] as const;
    }),
  ]);
  for (const [name, partial] of partials) hb.registerPartial(name, partial);
  return { layout, file: shownName(templates.layout) };
}

/**
 * The report's template for one language. Templates are precompiled once per set of template
 * files and kept in memory (a preview's rebuilds reuse them while the files are unchanged).
 */
export async function compileTemplates(
  templates: TemplateFiles,
  t: Translate,
): Promise<RenderTemplate> {
  const key = contentKey(templates);
  let set = compiled.get(key);
  if (!set) {
    set = compileSet(templates);
    compiled.set(key, set);
    set.catch(() => compiled.delete(key));
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
    msg.render.couldNotRender(file),
    [
      {
        file,
        path: name ? (where && !where.startsWith('[object') ? `${where}.${name}` : name) : '',
        ...position(error),
        ...(name ? msg.render.missingValue(name) : msg.render.renderFailed(error.message)),
      },
    ],
    { cause: error },
  );
}
