/**
 * Money: English in US$ million/billion/trillion, Traditional Chinese in 萬/億/兆美元. Both print
 * the digits of one rounded value (see the rules in index.ts), so 31.46 billion is 314.6 億.
 */
import type { Locale } from '../data/schema.js';
import {
  type Decimal,
  precisionOf,
  roundDecimal,
  shiftDecimal,
  toDecimal,
  toPlainString,
} from './decimal.js';
import {
  checkDecimals,
  digitsIn,
  MINUS,
  pickScale,
  type Rounded,
  roundPlain,
  type Scale,
  signOf,
  UNSCALED,
} from './numbers.js';
import type { FormatOptions } from './types.js';

const EN_SCALES: readonly Scale[] = [
  { exp: 12, prose: ' trillion', compact: 'T' },
  { exp: 9, prose: ' billion', compact: 'B' },
  { exp: 6, prose: ' million', compact: 'M' },
  UNSCALED,
];
const ZH_SCALES: readonly Scale[] = [
  { exp: 12, prose: '兆', compact: '兆' },
  { exp: 8, prose: '億', compact: '億' },
  { exp: 4, prose: '萬', compact: '萬' },
  UNSCALED,
];
/** Chinese moves down a scale rather than print "1.234567 萬". */
const ZH_MAX_FRACTION = 4;
/** Powers of ten of the input units. */
const USD_BN = 9;
const USD = 0;
/** English never shows more than this many decimals of its scale unless asked. */
const MAX_SCALE_DECIMALS = 2;

/**
 * Rounds an amount given in units of 10^unitExp dollars. Explicit decimals are used as given;
 * otherwise the data's own precision, coarsened to 0.01 of the English scale. When rounding
 * carries into the next scale (999.995 bn → 1,000.00 bn), it rounds again from the exact input
 * at that scale's quantum, never from the first result.
 */
export function roundMoney(
  value: number,
  unitExp: number,
  opts: FormatOptions = {},
  what = 'money',
): Rounded {
  const explicit = checkDecimals(opts.decimals);
  const written = toDecimal(value, what);
  const exact = shiftDecimal(written, unitExp);
  if (explicit !== undefined) {
    const quantumExp = unitExp - explicit;
    return { value: roundDecimal(exact, quantumExp), quantumExp, explicit };
  }
  const asWritten = unitExp - precisionOf(written);
  const quantumFor = (d: Decimal) =>
    Math.max(asWritten, pickScale(EN_SCALES, d).exp - MAX_SCALE_DECIMALS);
  const first = quantumFor(exact);
  const carried = quantumFor(roundDecimal(exact, first));
  return { value: roundDecimal(exact, carried), quantumExp: carried, explicit: undefined };
}

function printMoney(r: Rounded, locale: Locale, opts: FormatOptions): string {
  const sign = signOf(r, opts.signed);
  const compact = opts.style === 'compact';
  if (locale === 'en') {
    const scale = pickScale(EN_SCALES, r.value);
    return `${sign}US$${digitsIn(r, scale.exp, 'en')}${compact ? scale.compact : scale.prose}`;
  }
  const scale = pickScale(ZH_SCALES, r.value, ZH_MAX_FRACTION);
  const word = compact ? scale.compact : scale.prose;
  return `${sign}${digitsIn(r, scale.exp, 'zh-TW')} ${word}美元`;
}

/** An amount in US$ billions: "US$31.46 billion" / "US$31.46B" / "314.6 億美元". */
export function formatMoneyBn(
  valueUsdBn: number,
  locale: Locale,
  opts: FormatOptions = {},
): string {
  return printMoney(roundMoney(valueUsdBn, USD_BN, opts, 'money (USD bn)'), locale, opts);
}

/** An amount in US dollars (EPS, share prices): "US$1.95" / "1.95 美元". */
export function formatUsd(value: number, locale: Locale, opts: FormatOptions = {}): string {
  return printMoney(roundMoney(value, USD, opts, 'money (USD)'), locale, opts);
}

/**
 * A chart tick on a money axis. The unit is fixed per axis (億 / billions, never switching to
 * 兆), so ticks compare at a glance; the unit itself goes in the axis title (moneyAxisUnit).
 */
export function formatAxisMoneyBn(valueUsdBn: number, locale: Locale, decimals?: number): string {
  const r = roundPlain(
    valueUsdBn,
    'axis value (USD bn)',
    decimals === undefined ? {} : { decimals },
  );
  const sign = r.value.negative ? MINUS : '';
  return `${sign}${digitsIn(r, locale === 'en' ? 0 : -1, locale)}`;
}

/** The axis title unit that goes with formatAxisMoneyBn. */
export function moneyAxisUnit(locale: Locale): string {
  return locale === 'en' ? 'US$ billions' : '億美元';
}

/** A USD bn value in the axis unit of the locale (×10 for 億), exactly: 31.46 → 314.6. */
export function scaleMoneyForAxis(valueUsdBn: number, locale: Locale): number {
  const d = shiftDecimal(toDecimal(valueUsdBn, 'axis value (USD bn)'), locale === 'en' ? 0 : 1);
  return (d.negative ? -1 : 1) * Number(toPlainString(d));
}
