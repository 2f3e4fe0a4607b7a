/**
 * Every number the report prints, resolved: figures from the data file and metrics derived from
 * them in code. Templates, charts and tests all read numbers through this one shape.
 */
import type { Bilingual, Kind, Qualifier, Unit } from '../data/schema.js';

export interface ResolvedFigure {
  /** Stable id used by commentary tokens `[[id]]`, e.g. `amazon.capex.2026`, `derived.capex-total.2026`. */
  id: string;
  /** Where it lives in the data file, e.g. `companies[0].capex.2026` (derived: `derived`). */
  path: string;
  value: number;
  unit: Unit;
  /**
   * The data's kind. A derived metric takes `estimate` when any input is one, `lower-bound` for a
   * sum that is one (see derive.ts), else its inputs' shared kind, else `guidance` or `reported`.
   */
  kind: Kind;
  qualifier?: Qualifier;
  /** Source ids behind the number (a derived metric lists its inputs' sources). */
  sources: string[];
  /**
   * True when we derived it from a source's wording (or from such an estimate): printed with
   * "est." / 「估」. A source's own estimate is not ours: it keeps its kind and words, no mark.
   */
  estimate: boolean;
  /** True when computed in code from other figures. */
  derived: boolean;
  /** For derived figures: the ids of the inputs and the formula in words. */
  inputs?: string[];
  formula?: string;
  /** Decimals to print (derived metrics); data figures print with the precision they were written in. */
  decimals?: number;
  label?: Bilingual;
  note?: Bilingual;
  /** The source's own words for a figure of the data (derived figures have none). */
  quote?: string;
}

/** The derived metrics, grouped the way the report uses them. */
export interface Metrics {
  /** All figures by id (data and derived). */
  figures: ReadonlyMap<string, ResolvedFigure>;
  /** Capex per company and year (including estimates derived from ratios), USD bn. */
  capex: CapexRow[];
  /** The years that appear in any company's capex, ascending. */
  capexYears: string[];
  /** Sum of the companies' capex, only for years where every company has a figure and none is estimated. */
  capexTotals: { year: string; figure: ResolvedFigure }[];
  /**
   * The derived figures the data cannot give, by id, with why and the data paths of their inputs:
   * a text whose token names one is told why (data/text-rules.ts), not that no such figure exists.
   */
  notComputed?: ReadonlyMap<string, NotComputed>;
}

export interface NotComputed {
  /** Why, in words (from the catalog). */
  why: string;
  /** Data paths of the inputs (where they are, or would be, in the week file). */
  inputs: string[];
}

export interface CapexRow {
  companyId: string;
  ticker: string;
  name: Bilingual;
  byYear: Record<string, ResolvedFigure | undefined>;
  /** Growth from the previous year to the latest year, in %, when both exist. */
  growth?: ResolvedFigure;
  /** Latest-year capex ÷ trailing operating cash flow, when the company reports OCF. */
  capexToOcf?: ResolvedFigure;
}
