/**
 * The report's number formatting, made callable from Vega expressions (axis `labelExpr`, text
 * `calculate`), so a chart tick or bar label is the same string the tables print. Every function
 * takes the locale explicitly: expression functions are global to the process, and two charts in
 * two languages may render at the same time. Chart specs read it from the `locale` parameter.
 */

import * as vega from 'vega';
import { type Kind, LOCALES, type Locale, QUALIFIERS, type Qualifier } from '../data/schema.js';
import {
  estimateMark,
  formatAxisMoneyBn,
  formatMoneyBn,
  formatMultiple,
  formatPercent,
  moneyAxisUnit,
  qualifierWord,
} from '../format/index.js';
import { msg } from '../messages/index.js';

function asLocale(value: unknown): Locale {
  if ((LOCALES as readonly unknown[]).includes(value)) return value as Locale;
  throw new Error(msg.charts.badLocale(LOCALES, value));
}

function asDecimals(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function asQualifier(value: unknown): Qualifier | undefined {
  return (QUALIFIERS as readonly unknown[]).includes(value) ? (value as Qualifier) : undefined;
}

/** Name → implementation, as chart specs call them. */
export const CHART_EXPRESSIONS = {
  /**
   * Money-axis tick: `formatAxisMoneyBn(datum.value, locale)` → "200" / "2,000". Bar labels pass
   * the figure's written decimals (`datum.decimals`), so they print as the tables do: "2.10".
   */
  formatAxisMoneyBn: (value: number, locale: unknown, decimals?: unknown) =>
    formatAxisMoneyBn(value, asLocale(locale), asDecimals(decimals)),
  /** Like the tick, with "+" above zero (flow bar labels): "+31.46" / "+314.6". */
  formatAxisMoneyBnSigned: (value: number, locale: unknown, decimals?: unknown) => {
    const text = formatAxisMoneyBn(value, asLocale(locale), asDecimals(decimals));
    return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
  },
  /** "US$200B" / "2,000 億美元"; `signed` adds "+" above zero. */
  formatMoneyBn: (value: number, locale: unknown, signed?: boolean) =>
    formatMoneyBn(value, asLocale(locale), { style: 'compact', signed: signed === true }),
  formatPercent: (value: number, locale: unknown, signed?: boolean) =>
    formatPercent(value, asLocale(locale), { signed: signed === true }),
  formatMultiple: (value: number, locale: unknown) => formatMultiple(value, asLocale(locale)),
  /** "US$ billions" / "億美元", the unit that goes with formatAxisMoneyBn ticks. */
  moneyAxisUnit: (locale: unknown) => moneyAxisUnit(asLocale(locale)),
  /** The compact qualifier word ("about ", "最高 ") for a figure's qualifier and kind. */
  qualifierMark: (qualifier: unknown, kind: unknown, locale: unknown) =>
    qualifierWord(asQualifier(qualifier), String(kind) as Kind, asLocale(locale), 'compact'),
  /** " (est.)" / "（估）". */
  estimateMark: (locale: unknown) => estimateMark(asLocale(locale)),
} as const;

let registered = false;

/** Registers the functions with Vega's expression parser (once per process). */
export function registerChartExpressions(): void {
  if (registered) return;
  for (const [name, fn] of Object.entries(CHART_EXPRESSIONS)) vega.expressionFunction(name, fn);
  registered = true;
}
