/**
 * The report's charts: which exist, built from the week and its metrics, rendered in one
 * language. Writing the files is the caller's job (see chartFileName).
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locale, Week } from '../data/schema.js';
import { projectTranslator, type Translate } from '../i18n/index.js';
import type { Metrics } from '../metrics/types.js';
import { buildCapexByCompany } from './data/capex-by-company.js';
import { buildCapexVsCash, cashCompanies } from './data/capex-vs-cash.js';
import type { ChartContext, ChartPlan } from './data/context.js';
import { buildFundFlows, EQUITY_FLOWS_BY_REGION, FLOWS_BY_CATEGORY } from './data/fund-flows.js';
import { ChartError } from './errors.js';
import { describeSpec, type Json, localizeSpec } from './localize.js';
import { type RenderOptions, renderChart } from './render.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/charts/', import.meta.url));

export interface RenderedChart {
  /** e.g. `capex-by-company`, `amazon-capex-vs-cash`. */
  id: string;
  /** The chart's title in the report's language (also the SVG's <title>). */
  title: string;
  /** A text alternative stating the chart's numbers (also the SVG's <desc>). */
  description: string;
  svg: string;
}

/** `capex-by-company.zh-TW.svg`: the file name under output/<week>/charts/. */
export function chartFileName(id: string, locale: Locale): string {
  return `${id}.${locale}.svg`;
}

export function templateFile(template: string, dir: string = TEMPLATES_DIR): string {
  return `${dir.replace(/\/?$/, '/')}${template}.vl.json`;
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

/** Parsed templates by file, re-read when the file changes (an edit between two rebuilds). */
const templates = new Map<string, { mtimeMs: number; json: Json }>();

async function readTemplate(file: string): Promise<Json> {
  try {
    const { mtimeMs } = await stat(file);
    const cached = templates.get(file);
    if (cached?.mtimeMs === mtimeMs) return cached.json;
    const json = JSON.parse(await readFile(file, 'utf8')) as Json;
    templates.set(file, { mtimeMs, json });
    return json;
  } catch (cause) {
    throw new ChartError('read', file, cause instanceof Error ? cause.message : String(cause), {
      cause,
    });
  }
}

/** Renders every chart of the report in one language. */
export async function renderCharts(
  week: Week,
  metrics: Metrics,
  locale: Locale,
  options: RenderOptions & {
    templatesDir?: string;
    onWarning?: (message: string) => void;
    /** The build's translator for `locale` (default: one from the project's locale files). */
    t?: Translate;
  } = {},
): Promise<RenderedChart[]> {
  const t = options.t ?? (await projectTranslator(locale));
  const plans = planCharts({ week, metrics, locale, t });
  return Promise.all(
    plans.map(async (plan) => {
      const file = templateFile(plan.template, options.templatesDir);
      let spec: Json;
      try {
        spec = localizeSpec(await readTemplate(file), t, plan.vars);
      } catch (cause) {
        if (cause instanceof ChartError) throw cause;
        throw new ChartError('localize', file, String((cause as Error).message), { cause });
      }
      const svg = await renderChart(
        spec as object,
        {
          name: plan.id,
          locale,
          data: plan.data,
          file,
          ...(options.onWarning ? { onWarning: options.onWarning } : {}),
        },
        options,
      );
      return { id: plan.id, ...describeSpec(spec), svg };
    }),
  );
}
