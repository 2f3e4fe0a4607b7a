/**
 * One company's spending set against the cash it generates: capex of the last two years beside
 * trailing operating and free cash flow. This is the report's question in one picture; the
 * subtitle states the derived capex ÷ operating cash flow ratio from the metrics.
 */
import { formatFigure, moneyAxisUnit } from '../../format/index.js';
import type { CapexRow, ResolvedFigure } from '../../metrics/types.js';
import {
  type ChartContext,
  type ChartPlan,
  figureFields,
  sourceLine,
  sourcesInOrder,
} from './context.js';

export const CAPEX_VS_CASH = 'capex-vs-cash';

/** Companies with both capex and trailing operating cash flow, each of which gets this chart. */
export function cashCompanies(ctx: ChartContext): CapexRow[] {
  return ctx.metrics.capex.filter((row) => row.capexToOcf !== undefined);
}

export function buildCapexVsCash(ctx: ChartContext, row: CapexRow): ChartPlan | undefined {
  const { metrics, locale, t } = ctx;
  const figure = (id: string) => metrics.figures.get(id);
  const ocf = figure(`${row.companyId}.returns.operatingCashFlowTtm`);
  const fcf = figure(`${row.companyId}.returns.freeCashFlowTtm`);
  const ratio = row.capexToOcf;
  // The company's own last two years, as derive.ts takes its latest year for capex ÷ OCF.
  const years = metrics.capexYears.filter((year) => row.byYear[year]).slice(-2);
  const planYear = years[years.length - 1];
  if (!ocf || !ratio || !planYear) return undefined;

  const company = row.name[locale];
  const vars = { company, planYear, moneyUnit: moneyAxisUnit(locale) };
  const bars: { key: string; item: string; side: 'spend' | 'cash'; figure: ResolvedFigure }[] = [];
  for (const year of years) {
    const capex = row.byYear[year];
    if (!capex) continue;
    const item = t(`charts.capexVsCash.${capex.kind === 'guidance' ? 'capexPlan' : 'capex'}`, {
      year,
    });
    bars.push({ key: `capex-${year}`, item, side: 'spend', figure: capex });
  }
  bars.push({ key: 'ocf', item: t('charts.capexVsCash.ocf'), side: 'cash', figure: ocf });
  if (fcf) bars.push({ key: 'fcf', item: t('charts.capexVsCash.fcf'), side: 'cash', figure: fcf });

  const rows = bars.map((bar) => ({
    key: bar.key,
    item: bar.item,
    side: bar.side,
    sideLabel: t(`charts.capexVsCash.${bar.side}`),
    ...figureFields(bar.figure),
  }));
  const summary = bars
    .map((bar) =>
      t('charts.capexVsCash.item', { item: bar.item, value: formatFigure(bar.figure, locale) }),
    )
    .join(t('charts.common.itemSeparator'));
  const ratioText = t('charts.capexVsCash.ratio', {
    planYear,
    ratio: formatFigure(ratio, locale),
  });

  const sources = bars.flatMap((bar) => bar.figure.sources);
  return {
    id: `${row.companyId}-${CAPEX_VS_CASH}`,
    template: CAPEX_VS_CASH,
    data: { cash: rows },
    vars: { ...vars, summary, ratioText, source: sourceLine(ctx, sources) },
    sourceIds: sourcesInOrder(ctx, sources),
    // The subtitle states the ratio: it is drawn here too.
    figures: [...bars.map((bar) => bar.figure.id), ratio.id],
  };
}
