/**
 * Weekly fund flows as diverging bars: inflows right, outflows left, each in its own colour. The
 * same builder serves flows by category and equity flows by region; only the rows and the
 * strings (`charts.<key>.*`) differ.
 */
import type { Flow } from '../../data/schema.js';
import { formatDate, formatFigure, moneyAxisUnit } from '../../format/index.js';
import type { Json } from '../localize.js';
import { type ChartContext, type ChartPlan, figureFields } from './context.js';

/** Each direction's colour; a legend lists only the directions drawn, and none for one alone. */
const DIRECTION_COLOURS = { inflow: '#0072B2', outflow: '#D55E00' } as const;

export const FLOWS_BY_CATEGORY = 'flows-by-category';
export const EQUITY_FLOWS_BY_REGION = 'equity-flows-by-region';

export function buildFundFlows(
  ctx: ChartContext,
  id: typeof FLOWS_BY_CATEGORY | typeof EQUITY_FLOWS_BY_REGION,
): ChartPlan | undefined {
  const { week, locale, t } = ctx;
  const flows: readonly Flow[] =
    id === FLOWS_BY_CATEGORY ? week.fundFlows.byCategory : week.fundFlows.byRegion;
  if (flows.length === 0) return undefined;
  // Fund-flow figures are the publisher's report of another provider's data (LSEG Lipper).
  const source = week.sources.find((s) => s.id === week.fundFlows.source);
  const publisher = source?.publisher ?? week.fundFlows.source;
  const sources = source?.via ? t('charts.common.via', { via: source.via, publisher }) : publisher;

  // Largest inflow first; the template keeps data order (a sort on the shared y would be lost
  // when Vega-Lite unions the layers' domains).
  const sorted = [...flows].sort((a, b) => b.figure.value - a.figure.value);
  const rows = sorted.map((flow) => {
    const direction = flow.figure.value < 0 ? 'outflow' : 'inflow';
    return {
      label: flow.label[locale],
      direction,
      directionLabel: t(`charts.flows.${direction}`),
      // The resolved figure: the precision it was written with, as the tables print it.
      ...figureFields(ctx.metrics.figures.get(`flows.${flow.id}`)),
    };
  });
  const summary = sorted
    .map((flow) =>
      t('charts.flows.item', {
        label: flow.label[locale],
        value: formatFigure(ctx.metrics.figures.get(`flows.${flow.id}`) ?? flow.figure, locale, {
          signed: true,
        }),
      }),
    )
    .join(t('charts.common.itemSeparator'));

  const drawn = (['inflow', 'outflow'] as const).filter((d) => rows.some((r) => r.direction === d));
  const legend: Json =
    drawn.length > 1 ? { orient: 'top', direction: 'horizontal', title: null } : null;
  return {
    id,
    template: id,
    data: { flows: rows },
    vars: {
      weekEnding: formatDate(week.fundFlows.weekEnding, locale),
      moneyUnit: moneyAxisUnit(locale),
      source: t('charts.common.source', { sources }),
      summary,
      directions: drawn.map((d) => t(`charts.flows.${d}`)),
      directionColours: drawn.map((d) => DIRECTION_COLOURS[d]),
      directionLegend: legend,
    },
    sourceIds: source ? [source.id] : [],
    figures: flows.map((flow) => `flows.${flow.id}`),
  };
}
