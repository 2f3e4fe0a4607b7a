/**
 * The chart engine behind render.ts: Vega-Lite compiles, Vega lays out with the report's font
 * metrics and writes SVG. Loaded only when a chart is not already cached.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { addAccessibleText } from './accessible.js';
import { ChartError } from './errors.js';
import { registerChartExpressions } from './expressions.js';
import { describeSpec, type Json } from './localize.js';
import { type ChartInput, fileOf, messageOf } from './render.js';
import { installTextMetrics } from './text-metrics.js';

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

  let vgSpec: vega.Spec;
  try {
    vgSpec = compile(prepared as unknown as TopLevelSpec, { logger }).spec;
  } catch (cause) {
    throw new ChartError('compile', file, messageOf(cause), { cause });
  }
  let view: vega.View;
  try {
    view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logger, logLevel: vega.Warn });
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
