/**
 * Localized numbers and dates for the templates and the charts, zh-TW and en, built on Intl.
 *
 * Rounding rules (both languages print the same number: same rounding, same significant digits):
 * 1. Round once, on the decimal as written. A value is read as the shortest decimal that round-
 *    trips (1.005 is 1.005, not 1.00499…) and rounded half away from zero with exact decimal
 *    arithmetic. Both languages print digits of that one rounded value; a language only picks the
 *    scale word (億 or billion), moves the decimal point and lets Intl.NumberFormat group digits.
 * 2. Precision: explicit `decimals` (options, else the figure's), counted in the figure's own unit
 *    (billions for `USD bn`); otherwise the decimals the data was written with, at most 2.
 * 3. Money without explicit decimals: as written, but never more than 2 decimals of the English
 *    scale (trillion ≥ 10^12, billion ≥ 10^9, million ≥ 10^6, else dollars): 31.4567 bn → 31.46.
 *    So 0.125 bn stays US$125 million (1.25 億美元). If rounding carries into the next scale
 *    (999.995 bn → 1,000.00 bn), the exact input is rounded again at that scale's quantum
 *    (→ US$1 trillion / 1 兆美元), never the first result (no double rounding).
 * 4. Scale is chosen from the rounded value. en: trillion/billion/million/plain; zh-TW: 兆 (10^12),
 *    億 (10^8), 萬 (10^4), plain. zh prints every digit the rounding kept, so 億 has one decimal
 *    fewer than billions (31.46 bn → 314.6 億) and 兆 as many as trillions (1,200 bn → 1.2 兆).
 *    A zh scale that would need more than 4 decimals steps down (US$12,345.67 → 12,345.67 美元,
 *    not 1.234567 萬美元); the digits stay the same.
 *    Counts: en plain with grouping; zh 萬 from 10,000 and 億 from 10^8 (16,000 → 1.6 萬).
 * 5. Trailing zeros are dropped ("1.2", never "1.20" or "2.0") unless decimals were given; then
 *    the fraction is padded to the decimals given, or to the digits the display unit has if fewer
 *    (decimals 2: US$14.00 billion / 140.0 億美元).
 * 6. Signs are decided on the rounded value: negatives get U+2212 "−", "+" only when `signed` is
 *    asked and the value is above zero; a value that rounds to zero has no sign.
 * 7. Chart ticks keep one unit per axis (億 / billions), as written with at most 2 decimals in
 *    billions: 200 → "2,000" / "200".
 * 8. NaN and ±Infinity throw a FormatError; nothing prints "NaN".
 */
export { formatDate, formatWeek, isoWeeksInYear, parseIsoDate } from './dates.js';
export { decimalsOf } from './decimal.js';
export { FormatError } from './errors.js';
export { formatFigure } from './figure.js';
export {
  formatAxisMoneyBn,
  formatMoneyBn,
  formatUsd,
  moneyAxisUnit,
  scaleMoneyForAxis,
} from './money.js';
export { MINUS } from './numbers.js';
export { estimateMark, qualifierWord } from './qualifiers.js';
export type { FigureLike, FormatOptions, Style } from './types.js';
export {
  formatBasisPoints,
  formatCount,
  formatMultiple,
  formatPercent,
  formatPoints,
} from './units.js';
