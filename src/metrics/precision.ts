/**
 * How many digits a derived figure may print: no more than its inputs support.
 * - A ratio, share or growth rate keeps the significant digits of its least precise input, and
 *   at least two: 200 / 139.5 prints 1.4, not 1.43 (`200` has one significant digit, since an
 *   integer's trailing zeros do not say how exact it is; one digit would print "1" and hide the
 *   comparison the ratio makes, and its "about" already says it is rough).
 * - A difference or sum keeps the decimals of its least precise input (an integer: none):
 *   139.5 − 200 prints −61.
 * - A number derived from a ratio in words ("double") keeps its base's digits: the word is exact.
 */
import { decimalsOf, stripTrailingZeros, toDecimal } from '../format/decimal.js';
import type { ResolvedFigure } from './types.js';

/** The fewest significant digits a ratio is printed with. */
export const MIN_SIGNIFICANT = 2;

type Digits = Pick<ResolvedFigure, 'value' | 'decimals'>;

/** Decimals as written: the data's own (`14.0` → 1), a derived figure's declared ones. */
export function writtenDecimals(f: Digits): number {
  return f.decimals ?? decimalsOf(f.value);
}

/** Significant digits as written: `139.5` → 4, `14.0` → 3, `200` → 1, `0.03` → 1. */
export function significantDigits(f: Digits): number {
  const value = Math.abs(f.value);
  if (value === 0) return 1;
  const decimals = writtenDecimals(f);
  const last = decimals > 0 ? -decimals : stripTrailingZeros(toDecimal(value)).exponent;
  return Math.max(1, Math.floor(Math.log10(value)) - last + 1);
}

/** The decimals that print `value` with `significant` digits (negative: tens, hundreds). */
export function decimalsForSignificant(value: number, significant: number): number {
  if (value === 0 || !Number.isFinite(value)) return Math.max(0, significant - 1);
  return significant - 1 - Math.floor(Math.log10(Math.abs(value)));
}

/** Significant digits a ratio of these inputs supports. */
export function ratioSignificance(inputs: readonly Digits[]): number {
  return Math.max(MIN_SIGNIFICANT, Math.min(...inputs.map(significantDigits)));
}

/** Decimals a difference or sum of these inputs supports. */
export function sumDecimals(inputs: readonly Digits[]): number {
  return Math.min(...inputs.map(writtenDecimals));
}
