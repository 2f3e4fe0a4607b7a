/**
 * Percentages, basis points, index points, counts and multiples. All round the same way (as
 * written, at most 2 decimals, unless decimals are given); only counts change scale, in Chinese.
 */
import type { Locale } from '../data/schema.js';
import { digitsIn, pickScale, type Rounded, roundPlain, type Scale, signOf } from './numbers.js';
import type { FormatOptions } from './types.js';

const ZH_COUNT_SCALES: readonly Scale[] = [
  { exp: 8, prose: ' 億', compact: ' 億' },
  { exp: 4, prose: ' 萬', compact: ' 萬' },
];

function plain(r: Rounded, locale: Locale, opts: FormatOptions): string {
  return `${signOf(r, opts.signed)}${digitsIn(r, 0, locale)}`;
}

/** A percentage where 24 means 24%: "24%", "+24%", "−0.03%". */
export function formatPercent(value: number, locale: Locale, opts: FormatOptions = {}): string {
  return `${plain(roundPlain(value, 'percent', opts), locale, opts)}%`;
}

/** Basis points: "−1 bp" / "−1 個基點" ("bp" is both singular and plural in market usage). */
export function formatBasisPoints(value: number, locale: Locale, opts: FormatOptions = {}): string {
  const digits = plain(roundPlain(value, 'basis points', opts), locale, opts);
  return locale === 'en' ? `${digits} bp` : `${digits} 個基點`;
}

/** Index points: prose "611.4 points" / "611.4 點"; compact is the bare number. */
export function formatPoints(value: number, locale: Locale, opts: FormatOptions = {}): string {
  const r = roundPlain(value, 'index points', opts);
  const digits = plain(r, locale, opts);
  if (opts.style === 'compact') return digits;
  if (locale !== 'en') return `${digits} 點`;
  return `${digits} ${digitsIn(r, 0, locale) === '1' ? 'point' : 'points'}`;
}

/** A count: "16,000" in English; Chinese groups by 萬 (10^4) and 億 (10^8): "1.6 萬", "9,500". */
export function formatCount(value: number, locale: Locale, opts: FormatOptions = {}): string {
  const r = roundPlain(value, 'count', opts);
  const sign = signOf(r, opts.signed);
  if (locale === 'en') return `${sign}${digitsIn(r, 0, locale)}`;
  // 萬 and 億 only where they read naturally (1.6 萬, 12.35 萬); 16,001 stays grouped.
  const scale = pickScale(ZH_COUNT_SCALES, r.value, 2);
  return `${sign}${digitsIn(r, scale.exp, locale)}${scale.prose}`;
}

/** A multiple: "1.43×" in English; Chinese readers expect 倍 ("1.43 倍"). */
export function formatMultiple(value: number, locale: Locale, opts: FormatOptions = {}): string {
  const digits = plain(roundPlain(value, 'multiple', opts), locale, opts);
  return locale === 'zh-TW' ? `${digits} 倍` : `${digits}×`;
}
