/** Properties over many values: both languages carry the same digits; nothing prints NaN or "-". */
import { describe, expect, test } from 'vitest';
import type { Locale } from '../../src/data/schema.js';
import {
  FormatError,
  type FormatOptions,
  formatAxisMoneyBn,
  formatBasisPoints,
  formatCount,
  formatDate,
  formatFigure,
  formatMoneyBn,
  formatMultiple,
  formatPercent,
  formatPoints,
  formatUsd,
  formatWeek,
} from '../../src/format/index.js';

type Formatter = (value: number, locale: Locale, opts?: FormatOptions) => string;

/** Significant digits: no signs, separators, units or leading/trailing zeros. */
function significant(text: string): string {
  return text.replace(/\D/g, '').replace(/^0+/, '').replace(/0+$/, '');
}

const SCALE_WORDS: [RegExp, number][] = [
  [/ trillion$|T$|兆美元$/, 1e12],
  [/ billion$|B$/, 1e9],
  [/億美元$|億$/, 1e8],
  [/ million$|M$/, 1e6],
  [/萬美元$|萬$/, 1e4],
];

/** Reads a printed amount back into a number, so 314.6 億 and 31.46 billion compare equal. */
function readBack(text: string): number {
  const sign = text.startsWith('−') ? -1 : 1;
  const scale = SCALE_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? 1;
  const number = Number(text.replace(/[^\d.]/g, ''));
  return sign * number * scale;
}

/** A fixed spread of magnitudes, decimals and signs (deterministic, so a failure reproduces). */
function samples(): number[] {
  const values = [0, 200, 650, 31.46, 1200, -2.03, 139.5, 0.005, 0.125, 999.95, 999.995, 1.005];
  let seed = 20260206;
  for (let i = 0; i < 300; i += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const magnitude = 10 ** ((seed % 12) - 6);
    const decimals = seed % 5;
    const value = Number(
      ((seed / 2147483648) * 1000 * magnitude).toFixed(Math.min(20, decimals + 6)),
    );
    values.push(seed % 3 === 0 ? -value : value);
  }
  return values;
}

/** [name, formatter, zh value ÷ en value once read back (axis ticks are 億 vs billions)]. */
const scaled: [string, Formatter, number][] = [
  ['formatMoneyBn', formatMoneyBn, 1],
  ['formatUsd', formatUsd, 1],
  ['formatCount', formatCount, 1],
  ['formatAxisMoneyBn', (v, l) => formatAxisMoneyBn(v, l), 10],
];
const optionSets: FormatOptions[] = [
  {},
  { signed: true },
  { style: 'compact' },
  { decimals: 0 },
  { decimals: 2 },
];

describe.each(scaled)('%s in zh-TW and en', (_name, format, axisFactor) => {
  test.each(optionSets)('same significant digits and sign with %o', (opts) => {
    for (const value of samples()) {
      const zh = format(value, 'zh-TW', opts);
      const en = format(value, 'en', opts);
      expect(significant(zh), `${value}: ${zh} vs ${en}`).toBe(significant(en));
      const [zhValue, enValue] = [readBack(zh), readBack(en) * axisFactor];
      const gap = Math.abs(zhValue - enValue) / Math.max(1, Math.abs(enValue));
      expect(gap, `${value}: ${zh} vs ${en}`).toBeLessThan(1e-12);
      expect(zh.startsWith('−') || zh.startsWith('+')).toBe(
        en.startsWith('−') || en.startsWith('+'),
      );
      expect(`${zh} ${en}`).not.toMatch(/NaN|Infinity|-|e[+-]?\d/);
    }
  });
});

describe('non-finite input', () => {
  const all: Formatter[] = [
    formatMoneyBn,
    formatUsd,
    formatPercent,
    formatBasisPoints,
    formatPoints,
    formatCount,
    formatMultiple,
    (v, l) => formatAxisMoneyBn(v, l),
    (v, l) => formatFigure({ value: v, unit: 'USD bn', kind: 'reported' }, l),
  ];
  test.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    '%s throws',
    (value) => {
      for (const format of all) {
        expect(() => format(value, 'en')).toThrow(FormatError);
        expect(() => format(value, 'zh-TW')).toThrow(/not a finite number/);
      }
    },
  );
});

describe('dates', () => {
  test('every day of 1950-2100 reads as Intl.DateTimeFormat prints it (en-GB, zh-TW)', () => {
    const options: Intl.DateTimeFormatOptions = {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    };
    const oracle = {
      en: new Intl.DateTimeFormat('en-GB', options),
      'zh-TW': new Intl.DateTimeFormat('zh-TW', options),
    };
    let days = 0;
    for (let t = Date.UTC(1950, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const date = new Date(t);
      const iso = date.toISOString().slice(0, 10);
      for (const locale of ['en', 'zh-TW'] as const) {
        const ours = formatDate(iso, locale);
        const intl = oracle[locale].format(date);
        if (ours !== intl) expect(`${iso} ${locale}: ${ours}`).toBe(`${iso} ${locale}: ${intl}`);
      }
      days += 1;
    }
    expect(days).toBe(55_152);
  });
});

describe('malformed input', () => {
  test.each(['2026-02-30', '2026-2-6', '06/02/2026', '2026-02-06T00:00:00Z', ''])(
    'date %j throws',
    (iso) => {
      expect(() => formatDate(iso, 'en')).toThrow(FormatError);
    },
  );
  test.each(['2026-W00', '2025-W53', '2026-W54', '2026W06', '2026-W6'])('week %j throws', (id) => {
    expect(() => formatWeek(id, 'zh-TW')).toThrow(FormatError);
  });
  test.each([-1, 1.5, 21])('decimals %s throws', (decimals) => {
    expect(() => formatPercent(24, 'en', { decimals })).toThrow(FormatError);
  });
});
