/**
 * The report's charts: which exist, built from the week and its metrics, rendered in one
 * language. Writing the files is the caller's job (see chartFileName).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Cache } from '../cache/index.js';
import type { Locale, Week } from '../data/schema.js';
import { projectTranslator, type Translate } from '../i18n/index.js';
import { type InputFile, inputFile, shownName, textOf } from '../inputs/files.js';
import { msg } from '../messages/index.js';
import type { Metrics } from '../metrics/types.js';
import { TEMPLATES_DIR } from '../project.js';
import { buildCapexByCompany } from './data/capex-by-company.js';
import { buildCapexVsCash, cashCompanies } from './data/capex-vs-cash.js';
import type { ChartContext, ChartPlan } from './data/context.js';
import { buildFundFlows, EQUITY_FLOWS_BY_REGION, FLOWS_BY_CATEGORY } from './data/fund-flows.js';
import { chartError } from './errors.js';
import { describeSpec, type Json, localizeSpec } from './localize.js';
import { renderChart } from './render.js';

export interface RenderedChart {
  /** e.g. `capex-by-company`, `amazon-capex-vs-cash`. */
  id: string;
  /** The chart's title in the report's language (also the SVG's <title>). */
  title: string;
  /** A text alternative stating the chart's numbers (also the SVG's <desc>). */
  description: string;
  svg: string;
  /** The source line printed under the chart, and its sources' ids. */
  source: string;
  sourceIds: readonly string[];
  /** Ids of the figures it draws. */
  figures: readonly string[];
}

/** `capex-by-company.zh-TW.svg`: the file name under output/<week>/charts/. */
export function chartFileName(id: string, locale: Locale): string {
  return `${id}.${locale}.svg`;
}

/** The report's charts in reading order; a chart whose data the week lacks is left out. */
export function planCharts(ctx: ChartContext): ChartPlan[] {
  return [
    buildCapexByCompany(ctx),
    ...cashCompanies(ctx).map((row) => buildCapexVsCash(ctx, row)),
    buildFundFlows(ctx, FLOWS_BY_CATEGORY),
    buildFundFlows(ctx, EQUITY_FLOWS_BY_REGION),
  ].filter((plan): plan is ChartPlan => plan !== undefined);
}

/** The project's chart specs, read now (charts rendered outside a build; a build has them). */
export function readChartSpecs(dir: string = path.join(TEMPLATES_DIR, 'charts')): InputFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.vl.json'))
    .sort()
    .map((f) =>
      inputFile(`templates/charts/${f}`, readFileSync(path.join(dir, f)), path.join(dir, f)),
    );
}

function specOf(specs: readonly InputFile[], template: string): { file: string; json: Json } {
  const spec = specs.find((s) => s.name.endsWith(`/${template}.vl.json`));
  const file = spec ? shownName(spec) : `templates/charts/${template}.vl.json`;
  if (!spec) throw chartError('read', file, msg.charts.noSpec(template));
  try {
    return { file, json: JSON.parse(textOf(spec)) as Json };
  } catch (cause) {
    throw chartError('read', file, (cause as Error).message, cause);
  }
}

export interface RenderChartsInput {
  week: Week;
  metrics: Metrics;
  locale: Locale;
  /** The build's translator for `locale` (default: one from the project's locale files). */
  t?: Translate;
  /** The chart specs (default: the project's, read now). */
  specs?: readonly InputFile[];
  cache?: Cache | undefined;
  onWarning?: (message: string) => void;
}

/** Renders every chart of the report in one language. */
export async function renderCharts(input: RenderChartsInput): Promise<RenderedChart[]> {
  const { week, metrics, locale } = input;
  const t = input.t ?? (await projectTranslator(locale));
  const specs = input.specs ?? readChartSpecs();
  const plans = planCharts({ week, metrics, locale, t });
  return Promise.all(
    plans.map(async (plan) => {
      const { file, json } = specOf(specs, plan.template);
      let spec: Json;
      try {
        spec = localizeSpec(json, t, plan.vars);
      } catch (cause) {
        throw chartError('localize', file, (cause as Error).message, cause);
      }
      const chart = { name: plan.id, locale, data: plan.data, file };
      const options = input.onWarning ? { ...chart, onWarning: input.onWarning } : chart;
      const svg = await renderChart(spec as object, options, { cache: input.cache });
      const drawn = { source: plan.vars.source, sourceIds: plan.sourceIds, figures: plan.figures };
      return { id: plan.id, ...describeSpec(spec), svg, ...drawn };
    }),
  );
}
