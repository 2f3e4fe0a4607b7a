/**
 * Why a derived figure is not computed (derive.ts skips it), and the data paths of its inputs:
 * a text that names it in a token is told this at those paths (issue 15), instead of being told
 * that its token names no figure.
 */
import type { Company, Week } from '../data/schema.js';
import { msg } from '../messages/index.js';
import type { CapexRow, NotComputed, ResolvedFigure } from './types.js';

/** One company's inputs, as derive.ts has them. */
export interface CompanyInputs {
  company: Company;
  /** The company's index in `companies`. */
  c: number;
  latest: string | undefined;
  current: ResolvedFigure | undefined;
  previous: ResolvedFigure | undefined;
}

/** An input: the figure, when there is one, and its field under `returns` (or `capex`). */
type Input = readonly [ResolvedFigure | undefined, string];

const valuePath = (f: ResolvedFigure) => `${f.path}.value`;

function fieldPath(at: CompanyInputs, [figure, field]: Input): string {
  if (figure) return valuePath(figure);
  return field === 'capex'
    ? `companies[${at.c}].capex${at.latest ? `.${at.latest}` : ''}`
    : `companies[${at.c}].returns.${field}`;
}

const named = (at: CompanyInputs, field: string) => `${at.company.id}'s ${field}`;

/** A growth rate from the year before the latest to the latest. */
function growth(at: CompanyInputs, circular: boolean): NotComputed {
  const { company, c, latest, current, previous } = at;
  const prior = String(Number(latest) - 1);
  const priorPath = previous ? valuePath(previous) : `companies[${c}].capex.${prior}`;
  const inputs = [fieldPath(at, [current, 'capex']), priorPath];
  if (!latest || !current) return { why: msg.faults.noFigure([named(at, 'capex')]), inputs };
  if (!previous) return { why: msg.faults.noFigure([named(at, `${prior} capex`)]), inputs };
  if (circular) return { why: msg.faults.estimatedFromPlan(company.id, prior, latest), inputs };
  return { why: msg.faults.badDivisor(named(at, `${prior} capex`), previous.value), inputs };
}

/** A ratio `numerator ÷ divisor` (capex-to-OCF, cloud share, EPS surprise) or its difference. */
function divided(at: CompanyInputs, numerator: Input, divisor: Input): NotComputed {
  const inputs = [fieldPath(at, numerator), fieldPath(at, divisor)];
  const missing = [numerator, divisor].filter(([f]) => !f).map(([, field]) => named(at, field));
  if (missing.length > 0) return { why: msg.faults.noFigure(missing), inputs };
  return { why: msg.faults.badDivisor(named(at, divisor[1]), divisor[0]?.value ?? 0), inputs };
}

/** The companies' capex total of one year. */
function total(week: Week, rows: readonly CapexRow[], year: string): NotComputed {
  const lacking = rows.flatMap((row, c) => {
    const f = row.byYear[year];
    if (f && !f.estimate) return [];
    const path = f ? valuePath(f) : `companies[${c}].capex.${year}`;
    return [{ path, id: week.companies[c]?.id ?? row.companyId, estimate: Boolean(f) }];
  });
  return {
    why: msg.faults.incompleteTotal(
      year,
      lacking.filter((l) => !l.estimate).map((l) => l.id),
      lacking.filter((l) => l.estimate).map((l) => l.id),
    ),
    inputs: lacking.map((l) => l.path),
  };
}

export const notComputed = { growth, divided, total };
