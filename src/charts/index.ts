/** Stage 6, chart: Vega-Lite specs to accessible SVG, measured and formatted like the PDF. */
export { ChartError } from '../errors.js';
export { CHART_EXPRESSIONS, registerChartExpressions } from './expressions.js';
export { describeSpec, localizeSpec } from './localize.js';
export {
  type ChartData,
  type ChartInput,
  type RenderOptions,
  renderChart,
} from './render.js';
export {
  chartFileName,
  planCharts,
  type RenderedChart,
  readChartSpecs,
  renderCharts,
} from './report.js';
export { installTextMetrics, measureText } from './text-metrics.js';
export { THEME } from './theme.js';
