/** Errors of the chart stage, worded by the catalog (the class is in src/errors.ts). */
import { ChartError } from '../errors.js';
import { msg } from '../messages/index.js';

export type ChartVerb = 'read' | 'localize' | 'compile' | 'parse' | 'render';

/** A chart spec that Vega-Lite or Vega rejects, or a render that fails; keeps Vega's reason. */
export function chartError(
  verb: ChartVerb,
  chart: string,
  reason: string,
  cause?: unknown,
): ChartError {
  return new ChartError(msg.charts.couldNot(verb, chart, reason), chart, reason, { cause });
}

/** The file a chart is named by in messages: its template, else its id. */
export function fileOf(input: { file?: string | undefined; name: string }): string {
  return input.file ?? input.name;
}

export function messageOf(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}
