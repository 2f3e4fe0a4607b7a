/**
 * Capex per company, the previous year against this year's plan. Each bar keeps what kind of
 * number it is, because the chart draws an estimate (back-calculated from "nearly double"), an
 * upper bound ("up to") and a lower bound ("at least") differently from a reported or guided
 * figure; each bar's label says it in words.
 */
import { formatFigure, moneyAxisUnit } from '../../format/index.js';
import type { ResolvedFigure } from '../../metrics/types.js';
import {
  type ChartContext,
  type ChartPlan,
  figureFields,
  sourceLine,
  sourcesInOrder,
} from './context.js';

export const CAPEX_BY_COMPANY = 'capex-by-company';

/**
 * How a bar is drawn: solid, dashed and pale (our estimate), open at the top (an upper bound, the
 * true value at most this), or with a mark above it (a lower bound).
 */
export type FigureStatus = 'reported' | 'estimate' | 'upTo' | 'lowerBound';

export function statusOf(figure: ResolvedFigure): FigureStatus {
  if (figure.estimate) return 'estimate';
  if (figure.qualifier === 'up-to') return 'upTo';
  return figure.kind === 'lower-bound' ? 'lowerBound' : 'reported';
}

export function buildCapexByCompany(ctx: ChartContext): ChartPlan | undefined {
  const { metrics, locale, t } = ctx;
  const [previousYear, planYear] = metrics.capexYears.slice(-2);
  if (!previousYear || !planYear) return undefined;
  const vars = { previousYear, planYear, moneyUnit: moneyAxisUnit(locale) };
  // "2026 plan" only when that year's figures include company guidance.
  const planned = metrics.capex.some((row) => row.byYear[planYear]?.kind === 'guidance');
  const yearLabels = {
    [previousYear]: t('charts.capexByCompany.previous', vars),
    [planYear]: t(`charts.capexByCompany.${planned ? 'plan' : 'latest'}`, vars),
  };

  const rows = metrics.capex.flatMap((row) => {
    // A company with no figure at all gets one "not disclosed" under its name, not one per bar.
    const none = !row.byYear[previousYear] && !row.byYear[planYear];
    return [previousYear, planYear].map((year, i) => {
      const figure = row.byYear[year];
      const status = figure ? statusOf(figure) : undefined;
      return {
        company: row.name[locale],
        year,
        yearLabel: yearLabels[year],
        ...figureFields(figure),
        status: status ?? null,
        missing: figure ? null : none ? (i === 0 ? 'company' : 'none') : 'bar',
      };
    });
  });

  const text = (figure: ResolvedFigure | undefined) =>
    figure ? formatFigure(figure, locale) : t('charts.common.notGiven');
  const summary = metrics.capex
    .map((row) =>
      t('charts.capexByCompany.item', {
        ...vars,
        company: row.name[locale],
        previous: text(row.byYear[previousYear]),
        plan: text(row.byYear[planYear]),
      }),
    )
    .join(t('charts.common.itemSeparator'));
  const drawn = metrics.capex.flatMap((row) =>
    [previousYear, planYear].flatMap((y) => row.byYear[y] ?? []),
  );
  const sources = drawn.flatMap((figure) => figure.sources);

  return {
    id: CAPEX_BY_COMPANY,
    template: CAPEX_BY_COMPANY,
    data: { capex: rows },
    vars: { ...vars, summary, source: sourceLine(ctx, sources) },
    sourceIds: sourcesInOrder(ctx, sources),
    figures: drawn.map((figure) => figure.id),
  };
}
