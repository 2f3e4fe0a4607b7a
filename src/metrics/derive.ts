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
 *   ("nearly double") is not computed: it would only restate the assumed ratio.
 */
import {
  isCapexEstimate,
  type Kind,
  type Qualifier,
  type Unit,
  type Week,
} from '../data/schema.js';
import { collectFigures } from './collect.js';
import type { CapexRow, Metrics, ResolvedFigure } from './types.js';

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

/** Years in ascending order. */
const byYear = (a: string, b: string) => Number(a) - Number(b);

export interface DeriveOptions {
  /** Decimals numbers were written with, by data path (see LoadedWeek.writtenDecimals). */
  writtenDecimals?: ReadonlyMap<string, number>;
}

export function deriveMetrics(week: Week, options: DeriveOptions = {}): Metrics {
  const figures = new Map<string, ResolvedFigure>();
  const add = (f: ResolvedFigure) => figures.set(f.id, f);
  for (const f of collectFigures(week, options.writtenDecimals)) add(f);

  // Prior-year capex that the sources only describe relative to the plan ("nearly double").
  week.companies.forEach((company, c) => {
    for (const [year, entry] of Object.entries(company.capex)) {
      if (!isCapexEstimate(entry)) continue;
      const base = figures.get(`${company.id}.capex.${entry.estimateFrom.year}`);
      if (!base) continue; // reported by validation (rules.ts)
      const f = derived(
        `${company.id}.capex.${year}`,
        base.value / entry.estimateFrom.ratio,
        'USD bn',
        undefined,
        [{ ...base, estimate: true }],
        `${base.id} ÷ ${entry.estimateFrom.ratio}`,
      );
      add({
        ...f,
        path: `companies[${c}].capex.${year}`,
        sources: [entry.source],
        note: entry.basis,
      });
    }
  });

  const capexYears = [...new Set(week.companies.flatMap((c) => Object.keys(c.capex)))].sort(byYear);
  const capex: CapexRow[] = week.companies.map((company) => {
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
    if (current && previous && previous.value > 0 && !circular) {
      row.growth = derived(
        id('capex-growth'),
        (current.value / previous.value - 1) * 100,
        '%',
        0,
        [current, previous],
        `${current.id} ÷ ${previous.id} − 1`,
      );
      add(row.growth);
    }
    const ocf = figures.get(`${company.id}.returns.operatingCashFlowTtm`);
    if (current && ocf && ocf.value > 0) {
      row.capexToOcf = derived(
        id('capex-to-ocf'),
        current.value / ocf.value,
        'x',
        2,
        [current, ocf],
        `${current.id} ÷ ${ocf.id}`,
      );
      add(row.capexToOcf);
      add(
        derived(
          id('ocf-gap'),
          ocf.value - current.value,
          'USD bn',
          1,
          [ocf, current],
          `${ocf.id} − ${current.id}`,
        ),
      );
    }
    const revenue = figures.get(`${company.id}.returns.revenue`);
    const cloud = figures.get(`${company.id}.returns.cloudRevenue`);
    if (revenue && cloud && revenue.value > 0) {
      add(
        derived(
          id('cloud-share-of-revenue'),
          (cloud.value / revenue.value) * 100,
          '%',
          1,
          [cloud, revenue],
          `${cloud.id} ÷ ${revenue.id}`,
        ),
      );
    }
    const eps = company.returns?.eps;
    const actual = figures.get(`${company.id}.returns.eps.actual`);
    const expected = figures.get(`${company.id}.returns.eps.expected`);
    if (eps && actual && expected && expected.value !== 0) {
      add(
        derived(
          id('eps-surprise'),
          (actual.value / expected.value - 1) * 100,
          '%',
          1,
          [actual, expected],
          `${actual.id} ÷ ${expected.id} − 1`,
        ),
      );
    }
    return row;
  });

  const capexTotals = capexYears.map((year) => {
    const parts = capex
      .map((row) => row.byYear[year])
      .filter((f): f is ResolvedFigure => f !== undefined);
    const figure = derived(
      `derived.capex-total.${year}`,
      parts.reduce((sum, f) => sum + f.value, 0),
      'USD bn',
      undefined, // printed with the precision of the sum itself
      parts,
      parts.map((f) => f.id).join(' + '),
      'sum',
    );
    add(figure);
    return { year, figure, complete: parts.length === capex.length };
  });

  return { figures, capex, capexYears, capexTotals };
}
