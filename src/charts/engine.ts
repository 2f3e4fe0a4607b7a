/**
 * The chart engine behind render.ts: Vega-Lite compiles, Vega lays out with the report's font
 * metrics and writes SVG. Loaded only when a chart is not already cached.
 */
import { createHash } from 'node:crypto';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { BoundedMap } from '../cache/bounded-map.js';
import { addAccessibleText } from './accessible.js';
import { chartError, fileOf, messageOf } from './errors.js';
import { registerChartExpressions } from './expressions.js';
import { describeSpec, type Json } from './localize.js';
import { installTextMetrics } from './text-metrics.js';
import type { ChartInput } from './types.js';

/**
 * Parsed Vega runtimes by their Vega-Lite spec without the data rows and without the texts that
 * carry the week's figures and dates (title, subtitle, description): neither the compile nor the
 * parse depends on them, so a rebuild after a figure changed only sets them and runs the dataflow.
 */
const parsed = new BoundedMap<string, vega.Runtime>(64);
let compiles = 0;

/** Specs compiled and parsed since the process started (or the last resetEngine). */
export function engineCompiles(): number {
  return compiles;
}

/** The signals the title's text and subtitle are bound to in a parsed runtime. */
const TITLE_SIGNAL = 'capex_report_title_text';
const SUBTITLE_SIGNAL = 'capex_report_title_subtitle';
/** Stands in for the texts in the spec that is compiled; never drawn. */
const PLACEHOLDER = 'capex-report text';

/** The texts set on the view of one render. */
interface ChartTexts {
  title?: Json;
  subtitle?: Json;
  description?: Json;
}

interface Prepared {
  key: string;
  runtime: vega.Runtime;
  datasets: Record<string, Json[]>;
  texts: ChartTexts;
}

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The spec without its rows and texts (the runtime's key and what is compiled), and the texts. */
function splitSpec(prepared: Record<string, Json>): {
  shape: Record<string, Json>;
  texts: ChartTexts;
} {
  const { description, title, ...rest } = prepared;
  const datasets = (prepared.datasets ?? {}) as Record<string, Json[]>;
  const shape: Record<string, Json> = {
    ...rest,
    datasets: Object.fromEntries(Object.keys(datasets).map((k) => [k, []])),
  };
  const texts: ChartTexts = description === undefined ? {} : { description };
  // A title is a text, or an object whose text and subtitle may be texts or expressions.
  const titleObject: { [key: string]: Json } | undefined =
    title === undefined ? undefined : isRecord(title) ? { ...title } : { text: title };
  if (titleObject) {
    const { text, subtitle } = titleObject;
    if (typeof text === 'string' || Array.isArray(text)) {
      texts.title = text;
      titleObject.text = PLACEHOLDER;
    }
    if (typeof subtitle === 'string' || Array.isArray(subtitle)) {
      texts.subtitle = subtitle;
      titleObject.subtitle = PLACEHOLDER;
    }
    shape.title = titleObject;
  }
  return { shape, texts };
}

/** Points the compiled title at the two signals; the description is set on the view instead. */
function bindTexts(spec: vega.Spec, texts: ChartTexts): vega.Spec {
  const bound = { ...spec } as vega.Spec & { description?: string };
  delete bound.description;
  const title = isRecord(bound.title as Json) ? { ...(bound.title as object) } : undefined;
  if (!title) {
    // The placeholder would be drawn instead of the texts: never let that pass silently.
    if (texts.title !== undefined || texts.subtitle !== undefined) {
      throw new Error('Vega-Lite compiled the title to something other than an object');
    }
    return bound;
  }
  const signals = [...(bound.signals ?? [])];
  if (texts.title !== undefined) {
    Object.assign(title, { text: { signal: TITLE_SIGNAL } });
    signals.push({ name: TITLE_SIGNAL, value: '' });
  }
  if (texts.subtitle !== undefined) {
    Object.assign(title, { subtitle: { signal: SUBTITLE_SIGNAL } });
    signals.push({ name: SUBTITLE_SIGNAL, value: '' });
  }
  return { ...bound, title: title as vega.Title, signals };
}

function compileAndParse(
  prepared: Record<string, Json>,
  input: ChartInput,
  logger: vega.LoggerInterface,
): Prepared {
  const file = fileOf(input);
  const datasets = (prepared.datasets ?? {}) as Record<string, Json[]>;
  const { shape, texts } = splitSpec(prepared);
  const key = createHash('sha256').update(JSON.stringify(shape)).digest('hex');
  let runtime = parsed.get(key);
  if (!runtime) {
    compiles += 1;
    let spec: vega.Spec;
    try {
      spec = compile(shape as unknown as TopLevelSpec, { logger }).spec;
    } catch (cause) {
      throw chartError('compile', file, messageOf(cause), cause);
    }
    try {
      runtime = vega.parse(bindTexts(spec, texts));
    } catch (cause) {
      throw chartError('parse', file, messageOf(cause), cause);
    }
    parsed.set(key, runtime);
  }
  return { key, runtime, datasets, texts };
}

/** Forgets compiled runtimes (tests compare a reused runtime with a fresh one). */
export function resetEngine(): void {
  parsed.clear();
  compiles = 0;
}

/**
 * A fresh view of the (possibly reused) runtime for every render. A view kept alive between
 * renders would be cheaper still, but Vega's incremental update does not redraw what a fresh view
 * draws: axis items come out in another order and `autosize: fit` can land 1 px apart.
 */
async function drawView(shape: Prepared, logger: vega.LoggerInterface): Promise<string> {
  const view = new vega.View(shape.runtime, { renderer: 'none', logger, logLevel: vega.Warn });
  try {
    const { title, subtitle, description } = shape.texts;
    if (title !== undefined) view.signal(TITLE_SIGNAL, structuredClone(title));
    if (subtitle !== undefined) view.signal(SUBTITLE_SIGNAL, structuredClone(subtitle));
    if (typeof description === 'string') view.description(description);
    // Vega-Lite keeps a named dataset as a data source of the same name: the rows go there.
    for (const [name, rows] of Object.entries(shape.datasets)) {
      view.data(name, structuredClone(rows) as object[]);
    }
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderUncached(
  prepared: Record<string, Json>,
  input: ChartInput,
): Promise<string> {
  installTextMetrics();
  registerChartExpressions();
  const file = fileOf(input);
  const errors: string[] = [];
  const warn = input.onWarning ?? ((m: string) => console.warn(`${file}: ${m}`));
  const logger = vega.logger(vega.Warn, undefined, (method, _level, args) => {
    const message = args.map(messageOf).join(' ');
    if (method === 'error') errors.push(message);
    else warn(message);
  });
  const shape = compileAndParse(prepared, input, logger);
  let svg: string;
  try {
    svg = await drawView(shape, logger);
  } catch (cause) {
    throw chartError('render', file, messageOf(cause), cause);
  }
  // Vega logs dataflow errors (a failing expression, a bad transform) instead of throwing them.
  if (errors.length > 0) throw chartError('render', file, errors.join('; '));
  return addAccessibleText(svg, {
    id: `${input.name}-${input.locale}`,
    ...describeSpec(prepared, input.name),
  });
}
