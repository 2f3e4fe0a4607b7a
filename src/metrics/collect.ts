/**
 * Every figure of the data file as a ResolvedFigure with a stable id (the ids commentary tokens
 * `[[id]]` use). The id scheme is documented in the README's "Adding a week" section.
 */
import type { Figure, LabelledFigure, Week } from '../data/schema.js';
import { isCapexEstimate } from '../data/schema.js';
import type { ResolvedFigure } from './types.js';

export function resolveFigure(
  id: string,
  path: string,
  figure: Figure,
  extra: Partial<ResolvedFigure> = {},
): ResolvedFigure {
  return {
    id,
    path,
    value: figure.value,
    unit: figure.unit,
    kind: figure.kind,
    ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
    ...(figure.note ? { note: figure.note } : {}),
    ...(figure.quote ? { quote: figure.quote } : {}),
    sources: [figure.source],
    // "est." marks only what we derive; a source's estimate (consensus EPS) keeps its kind.
    estimate: false,
    derived: false,
    ...extra,
  };
}

/** The single-figure return metrics, in the order the report lists them. */
export const RETURN_METRICS = [
  'revenue',
  'cloudRevenue',
  'cloudGrowth',
  'cloudShareOfOperatingProfit',
  'operatingCashFlowTtm',
  'operatingCashFlowGrowth',
  'freeCashFlowTtm',
  'netIncome',
  'sharePriceReaction',
] as const;
export type ReturnMetric = (typeof RETURN_METRICS)[number];

function labelled(
  prefix: string,
  basePath: string,
  items: readonly LabelledFigure[],
): ResolvedFigure[] {
  return items.map((item, i) =>
    resolveFigure(`${prefix}.${item.id}`, `${basePath}[${i}].figure`, item.figure, {
      label: item.label,
    }),
  );
}

/**
 * The figures typed into the data file (capex estimates from ratios come from `derive.ts`).
 * `writtenDecimals` keeps trailing zeros the YAML parser drops (`2.10`), by data path.
 */
export function collectFigures(
  week: Week,
  writtenDecimals: ReadonlyMap<string, number> = new Map(),
): ResolvedFigure[] {
  const out: ResolvedFigure[] = [];
  week.companies.forEach((company, c) => {
    for (const [year, entry] of Object.entries(company.capex)) {
      if (!isCapexEstimate(entry)) {
        out.push(
          resolveFigure(`${company.id}.capex.${year}`, `companies[${c}].capex.${year}`, entry),
        );
      }
    }
    const returns = company.returns;
    if (!returns) return;
    const base = `companies[${c}].returns`;
    for (const metric of RETURN_METRICS) {
      const figure = returns[metric];
      if (figure)
        out.push(resolveFigure(`${company.id}.returns.${metric}`, `${base}.${metric}`, figure));
    }
    if (returns.eps) {
      out.push(
        resolveFigure(`${company.id}.returns.eps.actual`, `${base}.eps.actual`, returns.eps.actual),
      );
      out.push(
        resolveFigure(
          `${company.id}.returns.eps.expected`,
          `${base}.eps.expected`,
          returns.eps.expected,
        ),
      );
    }
    out.push(...labelled(`${company.id}.returns.other`, `${base}.other`, returns.other));
  });
  out.push(...labelled('aggregates', 'aggregates', week.aggregates));
  const flows = week.fundFlows;
  for (const [list, items] of [
    ['byCategory', flows.byCategory],
    ['byRegion', flows.byRegion],
  ] as const) {
    items.forEach((f, i) => {
      out.push(
        resolveFigure(`flows.${f.id}`, `fundFlows.${list}[${i}].figure`, f.figure, {
          label: f.label,
        }),
      );
    });
  }
  week.markets.forEach((m, i) => {
    if (m.level)
      out.push(
        resolveFigure(`markets.${m.id}.level`, `markets[${i}].level`, m.level, { label: m.label }),
      );
    if (m.change)
      out.push(
        resolveFigure(`markets.${m.id}.change`, `markets[${i}].change`, m.change, {
          label: m.label,
        }),
      );
  });
  out.push(...labelled('other', 'otherFigures', week.otherFigures));
  return out.map((f) => {
    const decimals = writtenDecimals.get(`${f.path}.value`);
    return decimals === undefined ? f : { ...f, decimals };
  });
}
