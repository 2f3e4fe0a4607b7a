/** Errors of the chart stage; the base class and exit codes are shared (src/errors.ts). */
import { CapexReportError } from '../errors.js';

/**
 * A chart spec that Vega-Lite or Vega rejects, or a render that fails. The message names the
 * chart's file and keeps Vega's own reason; the original error is the `cause`.
 */
export class ChartError extends CapexReportError {
  readonly chart: string;
  readonly reason: string;

  constructor(verb: string, chart: string, reason: string, options?: { cause?: unknown }) {
    super(`Could not ${verb} chart ${chart}: ${reason}`, options);
    this.chart = chart;
    this.reason = reason;
  }
}
