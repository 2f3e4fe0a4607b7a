/** What a chart render takes: the chart's id, language, data rows and text values. */
import type { Locale } from '../data/schema.js';
import type { ChartVars } from './localize.js';

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
