/**
 * Renders any Vega-Lite spec to an SVG string in Node, with no browser:
 *
 *   template ─ localize ─▶ spec ─ prepare (theme, locale, data) ─▶ cache key
 *            ─ compile (Vega-Lite) ─▶ Vega spec ─ parse + View(renderer 'none') ─▶ toSVG
 *            ─ add <title>/<desc> ─▶ SVG
 *
 * Text is measured with the report's own fonts (text-metrics.ts) and numbers are formatted by the
 * report's format module (expressions.ts), so the SVG matches the PDF and the tables.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locale } from '../data/schema.js';
import { FONT_FACES } from '../fonts/files.js';
import { projectTranslator } from '../i18n/index.js';
import { readCheckedCacheFile, writeCheckedCacheFile } from '../io/cache-file.js';
import { codeKey } from '../io/code-key.js';
import { VERSION } from '../version.js';
import { ChartError } from './errors.js';
import { type ChartVars, hasMarkers, type Json, localizeSpec } from './localize.js';
import { THEME } from './theme.js';

const require = createRequire(import.meta.url);

/** A package's version from its package.json, found beside its entry (it is not exported). */
function packageVersion(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (dir !== path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === name) return `${name}@${pkg.version}`;
    } catch {
      // no package.json at this level
    }
    dir = path.dirname(dir);
  }
  return `${name}@unknown`;
}

/**
 * The code that shapes an SVG beyond the spec (the engine, text metrics, the number formats the
 * specs call): a changed line of it must not be answered from a cache.
 */
const CODE_KEY = codeKey([new URL('./', import.meta.url), new URL('../format/', import.meta.url)]);

/** Part of every cache key: another Vega, another layout. Read without loading Vega itself. */
const ENGINE_VERSIONS = ['vega', 'vega-lite'].map(packageVersion);

/** Named datasets a spec refers to with `"data": { "name": ... }`. */
export type ChartData = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

export interface ChartInput {
  /** The chart's id: unique in the report, used for element ids and in messages. */
  name: string;
  locale: Locale;
  /** Rows for each named dataset; they replace any `datasets` of the same name in the spec. */
  data?: ChartData;
  /** Values for `{{...}}` in the strings the spec's `{ "$t": key }` markers name. */
  vars?: ChartVars;
  /** The template file the spec came from, named in error messages (default: `name`). */
  file?: string;
  /** Receives Vega-Lite's and Vega's warnings (default: printed with console.warn). */
  onWarning?: (message: string) => void;
}

export interface RenderOptions {
  /** Also keep rendered SVGs in this directory, across processes. */
  cacheDir?: string;
}

/** The parameter chart specs read the locale from, e.g. `formatAxisMoneyBn(datum.value, locale)`. */
export const LOCALE_PARAM = 'locale';

const memory = new Map<string, Promise<string>>();
const stats = { hits: 0, renders: 0 };

/** Renders counted since the process started (or the last clearChartCache), for tests and logs. */
export function chartCacheStats(): { hits: number; renders: number; size: number } {
  return { ...stats, size: memory.size };
}

const pendingWrites = new Set<Promise<void>>();

/** Resolves when every cache file started so far is written (renders do not wait for them). */
export async function settleCacheWrites(): Promise<void> {
  await Promise.all([...pendingWrites]);
}

export function clearChartCache(): void {
  memory.clear();
  stats.hits = 0;
  stats.renders = 0;
}

/** Renders a Vega-Lite spec (optionally with `$t` markers) to an accessible SVG string. */
export async function renderChart(
  spec: object,
  input: ChartInput,
  options: RenderOptions = {},
): Promise<string> {
  const localized = await localize(spec as Json, input);
  const prepared = prepareSpec(localized, input);
  const key = cacheKey(prepared, input.locale);
  const cached = memory.get(key);
  if (cached) {
    stats.hits += 1;
    return cached;
  }
  const pending = renderCached(prepared, input, key, options.cacheDir);
  memory.set(key, pending);
  // A failed render is not remembered: the next call tries again and reports the error again.
  pending.catch(() => memory.delete(key));
  return pending;
}

async function localize(spec: Json, input: ChartInput): Promise<Json> {
  if (!hasMarkers(spec)) return spec;
  const t = await projectTranslator(input.locale);
  try {
    return localizeSpec(spec, t, input.vars);
  } catch (cause) {
    throw new ChartError('localize', fileOf(input), messageOf(cause), { cause });
  }
}

/** Theme under the spec's own config, the locale parameter, and the data bound by name. */
export function prepareSpec(spec: Json, input: ChartInput): Record<string, Json> {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new ChartError('read', fileOf(input), 'expected a Vega-Lite spec object');
  }
  const params = Array.isArray(spec.params) ? spec.params : [];
  const own = (p: Json) =>
    !(p && typeof p === 'object' && !Array.isArray(p) && p.name === LOCALE_PARAM);
  const datasets = isObject(spec.datasets) ? spec.datasets : {};
  return {
    ...spec,
    config: mergeConfig(THEME as Json, spec.config ?? {}),
    params: [...params.filter(own), { name: LOCALE_PARAM, value: input.locale }],
    ...(input.data || Object.keys(datasets).length > 0
      ? { datasets: { ...datasets, ...(input.data as Record<string, Json> | undefined) } }
      : {}),
  };
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep merge where `over` wins; arrays (palettes, dash patterns) are replaced, not merged. */
function mergeConfig(base: Json, over: Json): Json {
  if (!isObject(base) || !isObject(over)) return over;
  const out: { [key: string]: Json } = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = current === undefined ? value : mergeConfig(current, value);
  }
  return out;
}

/** What the fonts look like to the measurer: a changed font file changes every layout. */
const fontKey = FONT_FACES.map((f) => {
  let size = 0;
  try {
    size = statSync(f.file).size;
  } catch {
    // A missing file fails at measuring time with its own message; the key only needs to differ.
  }
  return `${f.family}/${f.weight}/${path.basename(f.file)}/${size}`;
}).join('|');

function cacheKey(prepared: Json, locale: Locale): string {
  return createHash('sha256')
    .update(JSON.stringify([prepared, locale, fontKey, ENGINE_VERSIONS, VERSION, CODE_KEY]))
    .digest('hex');
}

async function renderCached(
  prepared: Record<string, Json>,
  input: ChartInput,
  key: string,
  cacheDir: string | undefined,
): Promise<string> {
  const file = cacheDir ? path.join(cacheDir, `${key}.svg`) : undefined;
  if (file) {
    const stored = await readCheckedCacheFile(file);
    if (stored !== undefined) {
      stats.hits += 1;
      return stored.toString('utf8');
    }
  }
  // Vega, Vega-Lite and fontkit load only when a chart is not in a cache.
  const { renderUncached } = await import('./engine.js');
  stats.renders += 1;
  const svg = await renderUncached(prepared, input);
  // Not awaited: the SVG is ready now; the cache file follows (see writeCheckedCacheFile).
  if (file) {
    const writing = writeCheckedCacheFile(file, svg);
    pendingWrites.add(writing);
    void writing.finally(() => pendingWrites.delete(writing));
  }
  return svg;
}

export function fileOf(input: ChartInput): string {
  return input.file ?? input.name;
}

export function messageOf(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}
