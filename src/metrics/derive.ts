/**
 * Stage 3, derive: every ratio, sum and growth rate the report prints is computed here from the
 * data, never typed into it. Each derived figure records its inputs and formula.
 *
 * How a derived figure is labelled:
 * - an estimate in gives an estimate out (`estimate: true`, kind `estimate`);
 * - a sum is a lower bound ("at least") only when some input is a lower bound and every other
 *   input is exact or a lower bound too: one "up to" or "about" input and the sum is only "about";
 * - otherwise, an input the source words as approximate ("about", "up to", "more than") makes the
 *   result approximate ("about");
 * - a growth rate between a year and a prior year that was itself estimated from that year's plan
 *   ("nearly double") is not computed: it would only restate the assumed ratio;
 * - a prior year estimated from a ratio the source qualifies takes the direction of its words:
 *   "nearly double" (a ratio under 2) puts the prior year a little over half the plan ("more than
 *   … (est.)"), whatever the plan's own wording;
 * - a sum is made only over a complete set: every company has a figure that year, none estimated.
 * Precision: each figure declares the decimals its inputs support (rules in precision.ts).
 */
import {
  isCapexEstimate,
  type Kind,
  type Qualifier,
  type Unit,
  type Week,
} from '../data/schema.js';
import { roundDecimal, toDecimal, toPlainString } from '../format/decimal.js';
import { collectFigures } from './collect.js';
import { notComputed as why } from './not-computed.js';
import { decimalsForSignificant, ratioSignificance, sumDecimals } from './precision.js';
import type { CapexRow, Metrics, NotComputed, ResolvedFigure } from './types.js';

type Op = 'sum' | 'other';

function derived(
  id: string,
  value: number,
  unit: Unit,
  decimals: number | undefined,
  inputs: readonly ResolvedFigure[],
  formula: string,
  op: Op = 'other',
): ResolvedFigure {
  if (op === 'sum' && inputs.some((f) => f.unit !== unit)) {
    throw new Error(`Cannot sum ${inputs.map((f) => `${f.id} (${f.unit})`).join(', ')} as ${unit}`);
  }
  const estimate = inputs.some((f) => f.estimate);
  const exactOrBound = (f: ResolvedFigure) =>
    f.kind === 'lower-bound'
      ? f.qualifier === undefined || f.qualifier === 'over'
      : f.qualifier === undefined;
  const lowerBound =
    op === 'sum' && inputs.some((f) => f.kind === 'lower-bound') && inputs.every(exactOrBound);
  const kinds = new Set(inputs.map((f) => f.kind));
  const kind: Kind = estimate
    ? 'estimate'
    : lowerBound
      ? 'lower-bound'
      : kinds.size === 1
        ? ([...kinds][0] ?? 'reported')
        : kinds.has('guidance')
          ? 'guidance'
          : 'reported';
  const approx =
    !lowerBound && inputs.some((f) => f.qualifier !== undefined || f.kind === 'lower-bound');
  const qualifier: Qualifier | undefined = approx ? 'approx' : undefined;
  return {
    id,
    path: 'derived',
    value,
    unit,
    kind,
    ...(qualifier ? { qualifier } : {}),
    sources: [...new Set(inputs.flatMap((f) => f.sources))],
    estimate,
    derived: true,
    inputs: inputs.map((f) => f.id),
    formula,
    ...(decimals === undefined ? {} : { decimals }),
  };
}

/**
 * A value and the decimals to print it with; decimals below zero (a growth of 60 % known to the
 * tens) round the value itself, since a printed number has no negative decimals.
 */
function rounded(value: number, decimals: number): { value: number; decimals: number } {
  if (decimals >= 0) return { value, decimals };
  const d = roundDecimal(toDecimal(value), -decimals);
  return { value: (d.negative ? -1 : 1) * Number(toPlainString(d)), decimals: 0 };
}

/** Decimals of a ratio `a ÷ b` of these inputs, and of the same ratio as a percentage. */
function ratioDecimals(ratio: number, inputs: readonly ResolvedFigure[]): number {
  return decimalsForSignificant(ratio, ratioSignificance(inputs));
}

/** "nearly double" is a ratio under 2: the prior year is over half the plan. */
const PRIOR_YEAR_QUALIFIER = { under: 'over', over: 'under', approx: 'approx' } as const;

/** Years in ascending order. */
const byYear = (a: string, b: string) => Number(a) - Number(b);

export interface DeriveOptions {
  /** Decimals numbers were written with, by data path (see LoadedWeek.writtenDecimals). */
  writtenDecimals?: ReadonlyMap<string, number>;
}

export function deriveMetrics(week: Week, options: DeriveOptions = {}): Metrics {
  const figures = new Map<string, ResolvedFigure>();
  const add = (f: ResolvedFigure) => figures.set(f.id, f);
  const notComputed = new Map<string, NotComputed>();
  const skip = (id: string, reason: NotComputed) => notComputed.set(id, reason);
  for (const f of collectFigures(week, options.writtenDecimals)) add(f);

  // Prior-year capex that the sources only describe relative to the plan ("nearly double").
  week.companies.forEach((company, c) => {
    for (const [year, entry] of Object.entries(company.capex)) {
      if (!isCapexEstimate(entry)) continue;
      const base = figures.get(`${company.id}.capex.${entry.estimateFrom.year}`);
      if (!base) continue; // reported by validation (rules.ts)
      // The ratio is a word ("double"), exact: the estimate keeps the plan's digits.
      const { value, decimals } = rounded(
        base.value / entry.estimateFrom.ratio,
        decimalsForSignificant(base.value / entry.estimateFrom.ratio, ratioSignificance([base])),
      );
      const f = derived(
        `${company.id}.capex.${year}`,
        value,
        'USD bn',
        decimals,
        [{ ...base, estimate: true }],
        `${base.id} ÷ ${entry.estimateFrom.ratio}`,
      );
      const { qualifier: _fromPlan, ...rest } = f;
      const words = entry.estimateFrom.qualifier;
      const qualifier = words ? PRIOR_YEAR_QUALIFIER[words] : f.qualifier;
      add({
        ...rest,
        ...(qualifier ? { qualifier } : {}),
        path: `companies[${c}].capex.${year}`,
        sources: [entry.source],
        note: entry.basis,
      });
    }
  });

  const capexYears = [...new Set(week.companies.flatMap((c) => Object.keys(c.capex)))].sort(byYear);
  const capex: CapexRow[] = week.companies.map((company, c) => {
    const row: CapexRow = {
      companyId: company.id,
      ticker: company.ticker,
      name: company.name,
      byYear: {},
    };
    for (const year of capexYears) row.byYear[year] = figures.get(`${company.id}.capex.${year}`);
    const years = Object.keys(company.capex).sort(byYear);
    const latest = years.at(-1);
    const current = latest ? row.byYear[latest] : undefined;
    const previous = latest ? row.byYear[String(Number(latest) - 1)] : undefined;
    const id = (name: string) => `derived.${company.id}.${name}`;
    // A prior year estimated from this year's plan would only give back the assumed ratio.
    const circular = previous?.inputs?.includes(current?.id ?? '') ?? false;
    const at = { company, c, latest, current, previous };
    if (!(current && previous && previous.value > 0 && !circular)) {
      skip(id('capex-growth'), why.growth(at, circular));
    } else {
      const ratio = current.value / previous.value;
      const growth = rounded((ratio - 1) * 100, ratioDecimals(ratio, [current, previous]) - 2);
      row.growth = derived(
        id('capex-growth'),
        growth.value,
        '%',
        growth.decimals,
        [current, previous],
        `${current.id} ÷ ${previous.id} − 1`,
      );
      add(row.growth);
    }
    const ocf = figures.get(`${company.id}.returns.operatingCashFlowTtm`);
    if (!(current && ocf && ocf.value > 0)) {
      const reason = why.divided(at, [current, 'capex'], [ocf, 'operatingCashFlowTtm']);
      skip(id('capex-to-ocf'), reason);
      skip(id('ocf-gap'), reason);
    } else {
      const ratio = rounded(
        current.value / ocf.value,
        ratioDecimals(current.value / ocf.value, [current, ocf]),
      );
      row.capexToOcf = derived(
        id('capex-to-ocf'),
        ratio.value,
        'x',
        ratio.decimals,
        [current, ocf],
        `${current.id} ÷ ${ocf.id}`,
      );
      add(row.capexToOcf);
      add(
        derived(
          id('ocf-gap'),
          ocf.value - current.value,
          'USD bn',
          sumDecimals([ocf, current]),
          [ocf, current],
          `${ocf.id} − ${current.id}`,
        ),
      );
    }
    const revenue = figures.get(`${company.id}.returns.revenue`);
    const cloud = figures.get(`${company.id}.returns.cloudRevenue`);
    if (!(revenue && cloud && revenue.value > 0)) {
      skip(
        id('cloud-share-of-revenue'),
        why.divided(at, [cloud, 'cloudRevenue'], [revenue, 'revenue']),
      );
    } else {
      const share = cloud.value / revenue.value;
      const pct = rounded(share * 100, ratioDecimals(share, [cloud, revenue]) - 2);
      add(
        derived(
          id('cloud-share-of-revenue'),
          pct.value,
          '%',
          pct.decimals,
          [cloud, revenue],
          `${cloud.id} ÷ ${revenue.id}`,
        ),
      );
    }
    const eps = company.returns?.eps;
    const actual = figures.get(`${company.id}.returns.eps.actual`);
    const expected = figures.get(`${company.id}.returns.eps.expected`);
    if (!(eps && actual && expected && expected.value !== 0)) {
      skip(id('eps-surprise'), why.divided(at, [actual, 'eps.actual'], [expected, 'eps.expected']));
    } else {
      const ratio = actual.value / expected.value;
      const surprise = rounded((ratio - 1) * 100, ratioDecimals(ratio, [actual, expected]) - 2);
      add(
        derived(
          id('eps-surprise'),
          surprise.value,
          '%',
          surprise.decimals,
          [actual, expected],
          `${actual.id} ÷ ${expected.id} − 1`,
        ),
      );
    }
    return row;
  });

  // A sum over some of the companies, or over estimates, would look like a total and is none.
  const capexTotals = capexYears.flatMap((year) => {
    const parts = capex
      .map((row) => row.byYear[year])
      .filter((f): f is ResolvedFigure => f !== undefined && !f.estimate);
    if (parts.length < capex.length) {
      skip(`derived.capex-total.${year}`, why.total(week, capex, year));
      return [];
    }
    const figure = derived(
      `derived.capex-total.${year}`,
      parts.reduce((sum, f) => sum + f.value, 0),
      'USD bn',
      sumDecimals(parts),
      parts,
      parts.map((f) => f.id).join(' + '),
      'sum',
    );
    add(figure);
    return [{ year, figure }];
  });

  return { figures, capex, capexYears, capexTotals, notComputed };
}
