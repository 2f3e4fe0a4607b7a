/**
 * What each unit's values can plausibly be: outside, a value is surely a typing or unit mistake
 * (a revenue of 1e-20 would print "US$0", a cloud share of 3.56e23 % would print 24 digits).
 * A value is 0, or between `smallest` and the bounds in size. Figures of the data are checked
 * with the other rules (rules.ts); derived figures once derived (validate.ts), at their inputs.
 */
import type { Problem } from '../errors.js';
import { msg } from '../messages/index.js';
import { collectFigures } from '../metrics/collect.js';
import type { Metrics, ResolvedFigure } from '../metrics/types.js';
import type { Unit, Week } from './schema.js';

type Issue = Omit<Problem, 'file' | 'line' | 'column'>;

export interface UnitRange {
  min: number;
  max: number;
  /** The smallest size a value other than 0 may have. */
  smallest: number;
}

export const UNIT_RANGES: Record<Unit, UnitRange> = {
  /** US$1 million to US$100 trillion, either way (a flow is negative). */
  'USD bn': { min: -100_000, max: 100_000, smallest: 0.001 },
  /** A per-share amount or a price: 0.01 US cent to US$1 million. */
  USD: { min: -1_000_000, max: 1_000_000, smallest: 0.0001 },
  /** A change cannot fall below −100 %; 1,000 % is far above any growth, share or yield. */
  '%': { min: -100, max: 1000, smallest: 0.0001 },
  bp: { min: -1000, max: 1000, smallest: 0.01 },
  /** Index levels (the Nikkei's tens of thousands) and their moves. */
  pts: { min: -1_000_000, max: 1_000_000, smallest: 0.001 },
  /** People, chips, companies: whole things, up to a trillion. */
  count: { min: -1e12, max: 1e12, smallest: 1 },
  x: { min: -1000, max: 1000, smallest: 0.001 },
};

export function inRange(unit: Unit, value: number): boolean {
  const { min, max, smallest } = UNIT_RANGES[unit];
  return value === 0 || (value >= min && value <= max && Math.abs(value) >= smallest);
}

function outOfRange(unit: Unit, value: number) {
  const { min, max, smallest } = UNIT_RANGES[unit];
  return msg.week.outOfRange(unit, min, max, smallest, value);
}

/** Every figure of the data file in its unit's range. */
export function checkRanges(week: Week): Issue[] {
  return collectFigures(week)
    .filter((f) => !inRange(f.unit, f.value))
    .map((f) => ({ path: `${f.path}.value`, ...outOfRange(f.unit, f.value) }));
}

/**
 * Every derived figure in its unit's range; one out of it is refused at each of its inputs (the
 * values to check), saying what they give.
 */
export function checkDerivedRanges(metrics: Metrics): Issue[] {
  const out: Issue[] = [];
  for (const f of metrics.figures.values()) {
    if (!f.derived || inRange(f.unit, f.value)) continue;
    const problem = msg.faults.derivedOutOfRange(
      f.id,
      f.formula ?? '',
      outOfRange(f.unit, f.value),
    );
    for (const path of inputPaths(f, metrics)) out.push({ path, ...problem });
  }
  return out;
}

/** Where a derived figure's inputs are in the data (a derived input: its own inputs). */
export function inputPaths(f: ResolvedFigure, metrics: Metrics): string[] {
  const paths = (f.inputs ?? []).flatMap((id) => {
    const input = metrics.figures.get(id);
    if (!input) return [];
    return input.derived && input.path === 'derived'
      ? inputPaths(input, metrics)
      : [`${input.path}.value`];
  });
  return [...new Set(paths)];
}
