/**
 * The shared core: pick the precision, round once, then let Intl.NumberFormat print the digits
 * (grouping and separators per locale) of the already-rounded decimal.
 */

import type { Locale } from '../data/schema.js';
import { msg } from '../messages/index.js';
import {
  type Decimal,
  isZero,
  precisionOf,
  reaches,
  roundDecimal,
  shiftDecimal,
  toDecimal,
  toPlainString,
} from './decimal.js';
import { FormatError } from './errors.js';
import type { FormatOptions } from './types.js';

/** U+2212: a real minus, not the hyphen Intl prints, so it lines up with "+" in tables. */
export const MINUS = '\u2212';

/** Default precision when no decimals are given: as written in the data, at most 2. */
export const MAX_DEFAULT_DECIMALS = 2;

/** A value rounded to a multiple of 10^quantumExp, both languages print it. */
export interface Rounded {
  value: Decimal;
  quantumExp: number;
  /** Decimals the caller asked for explicitly (they keep trailing zeros). */
  explicit: number | undefined;
}

export function checkDecimals(decimals: number | undefined): number | undefined {
  if (decimals === undefined) return undefined;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new FormatError(msg.format.badDecimals(decimals));
  }
  return decimals;
}

/** Rounds a plain (unscaled) value: explicit decimals, else as written capped at 2. */
export function roundPlain(value: number, what: string, opts: FormatOptions = {}): Rounded {
  const explicit = checkDecimals(opts.decimals);
  const exact = toDecimal(value, what);
  const decimals = explicit ?? Math.min(precisionOf(exact), MAX_DEFAULT_DECIMALS);
  return { value: roundDecimal(exact, -decimals), quantumExp: -decimals, explicit };
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, minFrac: number, maxFrac: number): Intl.NumberFormat {
  const key = `${locale}|${minFrac}|${maxFrac}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: minFrac,
      maximumFractionDigits: maxFrac,
      useGrouping: true,
    });
    formatters.set(key, format);
  }
  return format;
}

/**
 * Digits of |r| expressed in a unit of 10^unitExp (億 = 8, billion = 9), with every digit the
 * rounding kept and no more; trailing zeros only up to the decimals asked for explicitly.
 */
export function digitsIn(r: Rounded, unitExp: number, locale: Locale): string {
  const maxFrac = Math.max(0, unitExp - r.quantumExp);
  const minFrac = r.explicit === undefined ? 0 : Math.min(r.explicit, maxFrac);
  return numberFormat(locale, minFrac, maxFrac).format(toPlainString(r.value, -unitExp));
}

/** "−" for a negative rounded value, "+" for a positive one when asked, nothing for zero. */
export function signOf(r: Rounded, signed = false): string {
  if (isZero(r.value)) return '';
  if (r.value.negative) return MINUS;
  return signed ? '+' : '';
}

/** A unit of 10^exp with its word in prose and in compact style. */
export interface Scale {
  exp: number;
  prose: string;
  compact: string;
}

export const UNSCALED: Scale = { exp: 0, prose: '', compact: '' };

/**
 * The largest scale the value reaches (scales listed largest first) that prints it with at most
 * `maxFraction` decimals; so 12,345.67 stays "12,345.67" rather than "1.234567 萬".
 */
export function pickScale(scales: readonly Scale[], d: Decimal, maxFraction = Infinity): Scale {
  const fits = (s: Scale) =>
    reaches(d, s.exp) && precisionOf(shiftDecimal(d, -s.exp)) <= maxFraction;
  return scales.find(fits) ?? UNSCALED;
}
