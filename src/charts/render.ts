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
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Cache, cacheKey, codeKey } from '../cache/index.js';
import type { Locale } from '../data/schema.js';
import { FONT_FACES } from '../fonts/files.js';
import { projectTranslator } from '../i18n/index.js';
import { msg } from '../messages/index.js';
import { VERSION } from '../project.js';
import { chartError, fileOf, messageOf } from './errors.js';
import { hasMarkers, type Json, localizeSpec } from './localize.js';
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

import type { ChartInput } from './types.js';

export type { ChartData, ChartInput } from './types.js';

export interface RenderOptions {
  /** Rendered SVGs are kept here (kind `charts`), by the prepared spec and the engine. */
  cache?: Cache | undefined;
}

/** The parameter chart specs read the locale from, e.g. `formatAxisMoneyBn(datum.value, locale)`. */
export const LOCALE_PARAM = 'locale';

/** Renders a Vega-Lite spec (optionally with `$t` markers) to an accessible SVG string. */
export async function renderChart(
  spec: object,
  input: ChartInput,
  options: RenderOptions = {},
): Promise<string> {
  const localized = await localize(spec as Json, input);
  const prepared = prepareSpec(localized, input);
  const { cache } = options;
  const key = chartKey(prepared, input.locale);
  const cached = await cache?.read('charts', key);
  if (cached) return cached.toString('utf8');
  // Vega, Vega-Lite and fontkit load only when a chart is not in the cache.
  const { renderUncached } = await import('./engine.js');
  const svg = await renderUncached(prepared, input);
  cache?.write('charts', key, svg);
  return svg;
}

async function localize(spec: Json, input: ChartInput): Promise<Json> {
  if (!hasMarkers(spec)) return spec;
  const t = await projectTranslator(input.locale);
  try {
    return localizeSpec(spec, t, input.vars);
  } catch (cause) {
    throw chartError('localize', fileOf(input), messageOf(cause), cause);
  }
}

/** Theme under the spec's own config, the locale parameter, and the data bound by name. */
export function prepareSpec(spec: Json, input: ChartInput): Record<string, Json> {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw chartError('read', fileOf(input), msg.charts.notASpec);
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

function chartKey(prepared: Json, locale: Locale): string {
  return cacheKey(prepared, locale, fontKey, ENGINE_VERSIONS, VERSION, CODE_KEY);
}
