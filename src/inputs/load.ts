/**
 * Stage 1, load: every file a build is made from, read once: the week file, the templates
 * (layout, partials, print stylesheet), the chart specs, both locale files and the firm's
 * identity from the config (`config/firm.json`, the config's `firm` section) with its logo.
 * Later stages, the manifest and the archive all take them from the InputSet; nothing reads them
 * again. An input set can also come from the archive (inputs of a stored version).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Firm } from '../config/schema.js';
import { MAX_WEEK_FILE_BYTES } from '../data/limits.js';
import { LOCALES, type Locale } from '../data/schema.js';
import { InvalidInputError } from '../errors.js';
import { msg } from '../messages/index.js';
import { LOCALES_DIR, TEMPLATES_DIR } from '../project.js';
import { type InputFile, inputFile, readAtMost } from './files.js';

export interface TemplateFiles {
  layout: InputFile;
  /** `templates/partials/<name>.hbs`, by name order. */
  partials: InputFile[];
  css: InputFile;
}

export interface InputSet {
  week: InputFile;
  templates: TemplateFiles;
  /** `templates/charts/<id>.vl.json`, by name order. */
  charts: InputFile[];
  /** Both languages' strings, always (a key in one only is invalid input). */
  locales: Record<Locale, InputFile>;
  /** The firm's identity, from the config: `config/firm.json` (see firmInput). */
  firm?: InputFile;
  /** The firm's logo, from the config: `config/<file name>`. */
  logo?: InputFile;
}

/** The name of the firm's identity among the inputs. */
export const FIRM_INPUT = 'config/firm.json';

export interface InputPaths {
  dataFile: string;
  templatesDir?: string | undefined;
  localesDir?: string | undefined;
  logoFile?: string | undefined;
  /** The config's `firm` section; its `logo` is read as `logoFile` (the CLI passes both). */
  firm?: Firm | undefined;
}

/** Each kind of input: its role in messages, and what its file is. */
const KINDS = {
  week: { what: 'week data', kind: 'YAML' },
  template: { what: 'template', kind: 'Handlebars template' },
  css: { what: 'stylesheet', kind: 'CSS' },
  chart: { what: 'chart spec', kind: 'Vega-Lite JSON' },
  locale: { what: 'locale strings', kind: 'JSON' },
  logo: { what: 'logo', kind: 'SVG or PNG' },
} as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];

/** Every input file of the set, week first: what the manifest lists and the archive stores. */
export function listInputs(inputs: InputSet): InputFile[] {
  return [
    inputs.week,
    inputs.templates.layout,
    ...inputs.templates.partials,
    inputs.templates.css,
    ...inputs.charts,
    ...LOCALES.map((l) => inputs.locales[l]),
    ...(inputs.firm ? [inputs.firm] : []),
    ...(inputs.logo ? [inputs.logo] : []),
  ];
}

/**
 * The input set of files read elsewhere (an archived version's), by their names: the inverse of
 * listInputs. A set without a week file, a layout, a stylesheet or both locale files is refused.
 */
export function inputSetOf(files: readonly InputFile[]): InputSet {
  const named = (name: string) => files.find((f) => f.name === name);
  const under = (folder: string, ext: string) =>
    files.filter((f) => f.name.startsWith(folder) && f.name.endsWith(ext)).sort(byName);
  const week = files.find((f) => /^data\/[^/]+\.ya?ml$/.test(f.name));
  const layout = named('templates/layout.hbs');
  const css = named('templates/styles/report.css');
  const zh = named('locales/zh-TW.json');
  const en = named('locales/en.json');
  const firm = named(FIRM_INPUT);
  const logo = files.find((f) => f.name.startsWith('config/') && f.name !== FIRM_INPUT);
  if (!week || !layout || !css || !zh || !en) {
    const missing = [
      ['a week file (data/…)', week],
      ['templates/layout.hbs', layout],
      ['templates/styles/report.css', css],
      ['locales/zh-TW.json', zh],
      ['locales/en.json', en],
    ].flatMap(([name, file]) => (file ? [] : [name as string]));
    throw new InvalidInputError(msg.input.incompleteSet(missing.length), [
      { file: 'inputs', path: '', ...msg.input.missingInputs(missing) },
    ]);
  }
  return {
    week,
    templates: { layout, partials: under('templates/partials/', '.hbs'), css },
    charts: under('templates/charts/', '.vl.json'),
    locales: { 'zh-TW': zh, en },
    ...(firm ? { firm } : {}),
    ...(logo ? { logo } : {}),
  };
}

const byName = (a: InputFile, b: InputFile) => (a.name < b.name ? -1 : 1);

/**
 * The week file alone (`capex-report validate`), refused before it is parsed when it is larger
 * than MAX_WEEK_FILE_BYTES: parsing and validating 50 MB took half a minute, and the build then
 * ran for minutes.
 */
export async function readWeekFile(file: string): Promise<InputFile> {
  const name = `data/${path.basename(file)}`;
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readAtMost(file, MAX_WEEK_FILE_BYTES);
  } catch (cause) {
    throw unreadable(file, KINDS.week, cause);
  }
  if (bytes) return inputFile(name, bytes, file);
  const size = await stat(file).then((s) => (s.isFile() ? s.size : undefined));
  throw new InvalidInputError(msg.input.couldNotLoad(KINDS.week.what, file), [
    { file, path: '', ...msg.faults.fileTooLarge(MAX_WEEK_FILE_BYTES, size) },
  ]);
}

export async function loadInputs(paths: InputPaths): Promise<InputSet> {
  const templatesDir = paths.templatesDir ?? TEMPLATES_DIR;
  const localesDir = paths.localesDir ?? LOCALES_DIR;
  const read = readInput;
  const logoFile = paths.logoFile ?? paths.firm?.logo;
  const [week, layout, partials, css, charts, zh, en, logo] = await Promise.all([
    readWeekFile(paths.dataFile),
    read('templates/layout.hbs', path.join(templatesDir, 'layout.hbs'), KINDS.template),
    readFolder(templatesDir, 'partials', '.hbs', KINDS.template),
    read('templates/styles/report.css', path.join(templatesDir, 'styles/report.css'), KINDS.css),
    readFolder(templatesDir, 'charts', '.vl.json', KINDS.chart),
    read('locales/zh-TW.json', path.join(localesDir, 'zh-TW.json'), KINDS.locale),
    read('locales/en.json', path.join(localesDir, 'en.json'), KINDS.locale),
    logoFile ? read(`config/${path.basename(logoFile)}`, logoFile, KINDS.logo) : undefined,
  ]);
  const firm = firmInput(paths.firm, logo);
  return {
    week,
    templates: { layout, partials, css },
    charts,
    locales: { 'zh-TW': zh, en },
    ...(firm ? { firm } : {}),
    ...(logo ? { logo } : {}),
  };
}

/**
 * The firm's identity as an input file, so it is hashed, archived and restored like the others:
 * the config's `firm` section as JSON (keys sorted, so the same identity gives the same bytes),
 * its logo path replaced by the logo's input name. No firm configured: no file.
 */
export function firmInput(
  firm: Firm | undefined,
  logo: InputFile | undefined,
): InputFile | undefined {
  if (!firm || Object.keys(firm).length === 0) return undefined;
  const { logo: _path, ...rest } = firm;
  const identity = logo ? { ...rest, logo: logo.name } : rest;
  return inputFile(FIRM_INPUT, Buffer.from(`${JSON.stringify(sortKeys(identity), null, 2)}\n`));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

/** The files of `<dir>/<sub>/` ending in `ext`, in name order, named `templates/<sub>/<file>`. */
async function readFolder(dir: string, sub: string, ext: string, kind: Kind): Promise<InputFile[]> {
  const folder = path.join(dir, sub);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((f) => f.endsWith(ext)).sort();
  } catch (cause) {
    throw unreadable(folder, kind, cause);
  }
  return Promise.all(
    names.map((name) => readInput(`templates/${sub}/${name}`, path.join(folder, name), kind)),
  );
}

async function readInput(name: string, file: string, kind: Kind): Promise<InputFile> {
  try {
    return inputFile(name, await readFile(file), file);
  } catch (cause) {
    throw unreadable(file, kind, cause);
  }
}

function unreadable(file: string, { what, kind }: Kind, cause: unknown): InvalidInputError {
  const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
  return new InvalidInputError(
    msg.input.couldNotRead(what, file),
    [{ file, path: '', ...msg.input.unreadable(kind, msg.input.readFailure(code)) }],
    { cause },
  );
}
