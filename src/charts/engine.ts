/**
 * The chart engine behind render.ts: Vega-Lite compiles, Vega lays out with the report's font
 * metrics and writes SVG. Loaded only when a chart is not already cached.
 */
import { createHash } from 'node:crypto';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { addAccessibleText } from './accessible.js';
import { ChartError } from './errors.js';
import { registerChartExpressions } from './expressions.js';
import { describeSpec, type Json } from './localize.js';
import { type ChartInput, fileOf, messageOf } from './render.js';
import { installTextMetrics } from './text-metrics.js';

/**
 * Parsed Vega runtimes by their Vega-Lite spec without the data rows: neither the compile nor the
 * parse depends on the rows, so a rebuild after a figure changed only runs the dataflow.
 */
const parsed = new Map<string, vega.Runtime>();
const MAX_PARSED = 64;

interface Prepared {
  runtime: vega.Runtime;
  datasets: Record<string, Json[]>;
}

function compileAndParse(
  prepared: Record<string, Json>,
  input: ChartInput,
  logger: vega.LoggerInterface,
): Prepared {
  const file = fileOf(input);
  const datasets = (prepared.datasets ?? {}) as Record<string, Json[]>;
  const shape = {
    ...prepared,
    datasets: Object.fromEntries(Object.keys(datasets).map((k) => [k, []])),
  };
  const key = createHash('sha256').update(JSON.stringify(shape)).digest('hex');
  let runtime = parsed.get(key);
  if (!runtime) {
    let spec: vega.Spec;
    try {
      spec = compile(shape as unknown as TopLevelSpec, { logger }).spec;
    } catch (cause) {
      throw new ChartError('compile', file, messageOf(cause), { cause });
    }
    try {
      runtime = vega.parse(spec);
    } catch (cause) {
      throw new ChartError('parse', file, messageOf(cause), { cause });
    }
    parsed.set(key, runtime);
    if (parsed.size > MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  }
  return { runtime, datasets };
}

export async function renderUncached(
  prepared: Record<string, Json>,
  input: ChartInput,
): Promise<string> {
  installTextMetrics();
  registerChartExpressions();
  const file = fileOf(input);
  const warn = input.onWarning ?? ((m: string) => console.warn(`${file}: ${m}`));
  const errors: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (method, _level, args) => {
    const message = args.map(messageOf).join(' ');
    if (method === 'error') errors.push(message);
    else warn(message);
  });

  const { runtime, datasets } = compileAndParse(prepared, input, logger);
  let view: vega.View;
  try {
    view = new vega.View(runtime, { renderer: 'none', logger, logLevel: vega.Warn });
    // Vega-Lite keeps a named dataset as a data source of the same name: the rows go there.
    for (const [name, rows] of Object.entries(datasets))
      view.data(name, structuredClone(rows) as object[]);
  } catch (cause) {
    throw new ChartError('parse', file, messageOf(cause), { cause });
  }
  let svg: string;
  try {
    svg = await view.toSVG();
  } catch (cause) {
    throw new ChartError('render', file, messageOf(cause), { cause });
  } finally {
    view.finalize();
  }
  // Vega logs dataflow errors (a failing expression, a bad transform) instead of throwing them.
  if (errors.length > 0) throw new ChartError('render', file, errors.join('; '));
  return addAccessibleText(svg, {
    id: `${input.name}-${input.locale}`,
    ...describeSpec(prepared, input.name),
  });
}
