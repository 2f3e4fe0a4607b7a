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
  key: string;
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
  return { key, runtime, datasets };
}

/** Where a live view's log messages go during the render that is using it. */
interface Sink {
  errors: string[];
  warn: (message: string) => void;
}

/**
 * Live Vega views by chart shape. Building a view compiles every expression of the runtime again;
 * a view kept alive only swaps its rows and re-runs its dataflow. Renders of one view take turns.
 * A view that failed is thrown away.
 */
interface LiveView {
  view: vega.View;
  sink: Sink;
  turn: Promise<unknown>;
}
const views = new Map<string, LiveView>();
const MAX_VIEWS = 32;

function liveView({ key, runtime }: Prepared): LiveView {
  const existing = views.get(key);
  if (existing) return existing;
  const live: LiveView = {
    sink: { errors: [], warn: () => {} },
    turn: Promise.resolve(),
  } as unknown as LiveView;
  const logger = vega.logger(vega.Warn, undefined, (method, _level, args) => {
    const message = args.map(messageOf).join(' ');
    if (method === 'error') live.sink.errors.push(message);
    else live.sink.warn(message);
  });
  live.view = new vega.View(runtime, { renderer: 'none', logger, logLevel: vega.Warn });
  views.set(key, live);
  if (views.size > MAX_VIEWS) {
    const oldest = views.keys().next().value as string;
    views.get(oldest)?.view.finalize();
    views.delete(oldest);
  }
  return live;
}

/** Forgets compiled runtimes and live views (tests compare a reused view with a fresh one). */
export function resetEngine(): void {
  for (const live of views.values()) live.view.finalize();
  views.clear();
  parsed.clear();
}

export async function renderUncached(
  prepared: Record<string, Json>,
  input: ChartInput,
): Promise<string> {
  installTextMetrics();
  registerChartExpressions();
  const file = fileOf(input);
  const sink: Sink = {
    errors: [],
    warn: input.onWarning ?? ((m: string) => console.warn(`${file}: ${m}`)),
  };
  const compileLogger = vega.logger(vega.Warn, undefined, (method, _level, args) => {
    const message = args.map(messageOf).join(' ');
    if (method === 'error') sink.errors.push(message);
    else sink.warn(message);
  });
  const shape = compileAndParse(prepared, input, compileLogger);
  let live: LiveView;
  try {
    live = liveView(shape);
  } catch (cause) {
    throw new ChartError('parse', file, messageOf(cause), { cause });
  }
  const run = live.turn.then(async () => {
    live.sink = sink;
    // Vega-Lite keeps a named dataset as a data source of the same name: the rows go there.
    for (const [name, rows] of Object.entries(shape.datasets)) {
      live.view.data(name, structuredClone(rows) as object[]);
    }
    return live.view.toSVG();
  });
  live.turn = run.catch(() => {});
  let svg: string;
  try {
    svg = await run;
  } catch (cause) {
    views.delete(shape.key);
    live.view.finalize();
    throw new ChartError('render', file, messageOf(cause), { cause });
  }
  // Vega logs dataflow errors (a failing expression, a bad transform) instead of throwing them.
  if (sink.errors.length > 0) {
    views.delete(shape.key);
    throw new ChartError('render', file, sink.errors.join('; '));
  }
  return addAccessibleText(svg, {
    id: `${input.name}-${input.locale}`,
    ...describeSpec(prepared, input.name),
  });
}
