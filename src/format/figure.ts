/** One entry point for any figure: dispatch on its unit, then add qualifier and estimate mark. */
import type { Locale, Unit } from '../data/schema.js';
import { formatMoneyBn, formatUsd } from './money.js';
import { estimateMark, qualifierWord } from './qualifiers.js';
import type { FigureLike, FormatOptions } from './types.js';
import {
  formatBasisPoints,
  formatCount,
  formatMultiple,
  formatPercent,
  formatPoints,
} from './units.js';

type NumberFormatter = (value: number, locale: Locale, opts?: FormatOptions) => string;

const BY_UNIT: Record<Unit, NumberFormatter> = {
  'USD bn': formatMoneyBn,
  USD: formatUsd,
  '%': formatPercent,
  bp: formatBasisPoints,
  pts: formatPoints,
  count: formatCount,
  x: formatMultiple,
};

/**
 * "about US$200 billion", "逾 10%", "US$93.5 billion (est.)". Decimals come from the options,
 * else from the figure, else from how the value was written. With `magnitude`, the size alone:
 * −10 `over` is "more than 10%".
 */
export function formatFigure(fig: FigureLike, locale: Locale, opts: FormatOptions = {}): string {
  const decimals = opts.decimals ?? fig.decimals;
  const numberOpts: FormatOptions = {
    ...opts,
    ...(decimals === undefined ? {} : { decimals }),
    ...(opts.magnitude ? { signed: false } : {}),
  };
  const value = opts.magnitude ? Math.abs(fig.value) : fig.value;
  const number = BY_UNIT[fig.unit](value, locale, numberOpts);
  const negative = number.startsWith('\u2212');
  const prefix = qualifierWord(fig.qualifier, fig.kind, locale, opts.style ?? 'prose', negative);
  const mark = fig.estimate === true && opts.estMark !== false ? estimateMark(locale) : '';
  return `${prefix}${number}${mark}`;
}
