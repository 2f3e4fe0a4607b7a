import type { Kind, Qualifier, Unit } from '../data/schema.js';

/** `prose` for running text ("US$200 billion"), `compact` for tables and chart labels ("US$200B"). */
export type Style = 'prose' | 'compact';

export interface FormatOptions {
  style?: Style;
  /** Print "+" before a value above zero (flows, changes). Negatives always get "−". */
  signed?: boolean;
  /** Decimals in the figure's own unit (billions for `USD bn`); overrides the data's precision. */
  decimals?: number;
  /** Append the estimate mark when the figure is an estimate (default true). */
  estMark?: boolean;
  /**
   * Print the size without its sign, the qualifier read as a size: −10 `over` is "more than 10%",
   * for a sentence whose verb carries the direction ("fell more than 10%"). No "+" either.
   */
  magnitude?: boolean;
}

/** A figure-like value: ResolvedFigure from src/metrics/types.ts satisfies it. */
export interface FigureLike {
  value: number;
  unit: Unit;
  kind: Kind;
  qualifier?: Qualifier | undefined;
  estimate?: boolean | undefined;
  decimals?: number | undefined;
}
