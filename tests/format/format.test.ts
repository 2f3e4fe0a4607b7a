import { describe, expect, test } from 'vitest';
import type { Locale } from '../../src/data/schema.js';
import {
  decimalsOf,
  estimateMark,
  type FigureLike,
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
  moneyAxisUnit,
  parseIsoDate,
  qualifierWord,
  scaleMoneyForAxis,
} from '../../src/format/index.js';
import type { ResolvedFigure } from '../../src/metrics/types.js';

const zh: Locale = 'zh-TW';
const en: Locale = 'en';
const bn = (value: number, rest: Partial<FigureLike> = {}): FigureLike => ({
  value,
  unit: 'USD bn',
  kind: 'reported',
  ...rest,
});

/** [what, actual, expected]: each row is one printed string. */
const cases: [string, () => string, string][] = [
  // zh-TW money in 萬/億/兆
  ['zh 200 bn', () => formatMoneyBn(200, zh), '2,000 億美元'],
  ['zh 650 bn', () => formatMoneyBn(650, zh), '6,500 億美元'],
  ['zh 31.46 bn', () => formatMoneyBn(31.46, zh), '314.6 億美元'],
  ['zh 1200 bn', () => formatMoneyBn(1200, zh), '1.2 兆美元'],
  ['zh −2.03 bn', () => formatMoneyBn(-2.03, zh), '−20.3 億美元'],
  ['zh 139.5 bn', () => formatMoneyBn(139.5, zh), '1,395 億美元'],
  ['zh 0.005 bn is 500 萬', () => formatMoneyBn(0.005, zh), '500 萬美元'],
  ['zh 0.0005 bn is 50 萬', () => formatMoneyBn(0.0005, zh), '50 萬美元'],
  ['zh EPS', () => formatUsd(1.95, zh), '1.95 美元'],
  ['zh share price', () => formatUsd(247, zh), '247 美元'],
  ['zh USD with cents stays unscaled', () => formatUsd(12345.67, zh), '12,345.67 美元'],
  // English money
  ['en prose 200', () => formatMoneyBn(200, en), 'US$200 billion'],
  ['en prose 31.46', () => formatMoneyBn(31.46, en), 'US$31.46 billion'],
  ['en prose 1200', () => formatMoneyBn(1200, en), 'US$1.2 trillion'],
  ['en compact 200', () => formatMoneyBn(200, en, { style: 'compact' }), 'US$200B'],
  ['en compact 31.46', () => formatMoneyBn(31.46, en, { style: 'compact' }), 'US$31.46B'],
  ['en compact 1200', () => formatMoneyBn(1200, en, { style: 'compact' }), 'US$1.2T'],
  ['en 0.005 bn', () => formatMoneyBn(0.005, en), 'US$5 million'],
  ['en compact million', () => formatMoneyBn(0.005, en, { style: 'compact' }), 'US$5M'],
  ['en EPS', () => formatUsd(1.95, en), 'US$1.95'],
  ['en USD in millions', () => formatUsd(2_000_000, en), 'US$2 million'],
  // signs
  ['en signed inflow', () => formatMoneyBn(31.46, en, { signed: true }), '+US$31.46 billion'],
  ['en outflow', () => formatMoneyBn(-2.03, en, { signed: true }), '−US$2.03 billion'],
  ['zh signed inflow', () => formatMoneyBn(31.46, zh, { signed: true }), '+314.6 億美元'],
  ['zh outflow', () => formatMoneyBn(-2.03, zh, { signed: true }), '−20.3 億美元'],
  ['zero has no sign', () => formatMoneyBn(0, en, { signed: true }), 'US$0'],
  ['rounds to zero: no sign', () => formatPercent(-0.001, en, { decimals: 2 }), '0.00%'],
  ['−0 has no sign', () => formatPercent(-0, zh, { signed: true }), '0%'],
  // precision and rounding edges
  ['as written, capped at 2', () => formatMoneyBn(31.4567, en), 'US$31.46 billion'],
  ['en 0.125 bn exact', () => formatMoneyBn(0.125, en), 'US$125 million'],
  ['zh 0.125 bn exact', () => formatMoneyBn(0.125, zh), '1.25 億美元'],
  ['en 0.125 bn, 2 dp', () => formatMoneyBn(0.125, en, { decimals: 2 }), 'US$130 million'],
  ['zh 0.125 bn, 2 dp', () => formatMoneyBn(0.125, zh, { decimals: 2 }), '1.3 億美元'],
  ['1.005 rounds as written', () => formatMoneyBn(1.005, en, { decimals: 2 }), 'US$1.01 billion'],
  ['zh 1.005 same digits', () => formatMoneyBn(1.005, zh, { decimals: 2 }), '10.1 億美元'],
  ['en 999.95 stays billions', () => formatMoneyBn(999.95, en), 'US$999.95 billion'],
  ['zh 999.95 stays 億', () => formatMoneyBn(999.95, zh), '9,999.5 億美元'],
  ['en 999.995 carries', () => formatMoneyBn(999.995, en), 'US$1 trillion'],
  ['zh 999.995 carries', () => formatMoneyBn(999.995, zh), '1 兆美元'],
  ['en 999.95 to 0 dp', () => formatMoneyBn(999.95, en, { decimals: 0 }), 'US$1 trillion'],
  ['trillions at most 2 dp', () => formatMoneyBn(1234.5678, en), 'US$1.23 trillion'],
  ['兆 likewise', () => formatMoneyBn(1234.5678, zh), '1.23 兆美元'],
  [
    'en decimals asked keep zeros',
    () => formatMoneyBn(14, en, { decimals: 2 }),
    'US$14.00 billion',
  ],
  ['zh one decimal fewer', () => formatMoneyBn(14, zh, { decimals: 2 }), '140.0 億美元'],
  ['no trailing .0 by default', () => formatMoneyBn(14.0, en), 'US$14 billion'],
  ['fig.decimals applies', () => formatFigure(bn(2.1, { decimals: 2 }), en), 'US$2.10 billion'],
  [
    'opts beat fig.decimals',
    () => formatFigure(bn(2.1, { decimals: 2 }), en, { decimals: 0 }),
    'US$2 billion',
  ],
  // percent, basis points, points, counts, multiples
  ['percent', () => formatPercent(24, en), '24%'],
  ['zh percent', () => formatPercent(24, zh), '24%'],
  ['percent signed', () => formatPercent(24, zh, { signed: true }), '+24%'],
  ['percent negative', () => formatPercent(-10, en), '−10%'],
  ['percent as written', () => formatPercent(-0.03, en), '−0.03%'],
  ['bp en', () => formatBasisPoints(-1, en), '−1 bp'],
  ['bp zh', () => formatBasisPoints(-1, zh), '−1 個基點'],
  ['points en prose', () => formatPoints(611.4, en), '611.4 points'],
  ['points en singular', () => formatPoints(1, en), '1 point'],
  ['points en compact', () => formatPoints(611.4, en, { style: 'compact' }), '611.4'],
  ['points zh prose', () => formatPoints(611.4, zh), '611.4 點'],
  ['points zh compact', () => formatPoints(611.4, zh, { style: 'compact' }), '611.4'],
  ['count en', () => formatCount(16_000, en), '16,000'],
  ['count zh 萬', () => formatCount(16_000, zh), '1.6 萬'],
  ['count zh below 萬', () => formatCount(9_500, zh), '9,500'],
  ['count zh 9,999', () => formatCount(9_999, zh), '9,999'],
  ['count zh 10,000', () => formatCount(10_000, zh), '1 萬'],
  ['count zh 9,999.5 rounds up', () => formatCount(9_999.5, zh, { decimals: 0 }), '1 萬'],
  ['count zh 億', () => formatCount(300_000_000, zh), '3 億'],
  ['count zh 萬 only with at most 2 decimals', () => formatCount(16_001, zh), '16,001'],
  ['count zh 12.35 萬', () => formatCount(123_500, zh), '12.35 萬'],
  [
    'count zh large uneven stays grouped',
    () => formatCount(123_456_789_012, zh),
    '123,456,789,012',
  ],
  ['multiple en', () => formatMultiple(200 / 139.5, en), '1.43×'],
  ['multiple zh', () => formatMultiple(200 / 139.5, zh), '1.43 倍'],
  // qualifiers and the estimate mark
  ['approx en', () => formatFigure(bn(200, { qualifier: 'approx' }), en), 'about US$200 billion'],
  ['approx zh', () => formatFigure(bn(200, { qualifier: 'approx' }), zh), '約 2,000 億美元'],
  ['up-to zh', () => formatFigure(bn(135, { qualifier: 'up-to' }), zh), '最高 1,350 億美元'],
  ['up-to en', () => formatFigure(bn(135, { qualifier: 'up-to' }), en), 'up to US$135 billion'],
  ['over en', () => formatFigure(bn(10, { qualifier: 'over' }), en), 'more than US$10 billion'],
  [
    'over zh %',
    () => formatFigure({ value: 10, unit: '%', kind: 'market', qualifier: 'over' }, zh),
    '逾 10%',
  ],
  ['under zh', () => formatFigure(bn(1, { qualifier: 'under' }), zh), '不到 10 億美元'],
  [
    'lower bound en',
    () => formatFigure(bn(72, { kind: 'lower-bound' }), en),
    'at least US$72 billion',
  ],
  ['lower bound zh', () => formatFigure(bn(72, { kind: 'lower-bound' }), zh), '至少 720 億美元'],
  [
    'qualifier wins',
    () => formatFigure(bn(72, { kind: 'lower-bound', qualifier: 'over' }), en),
    'more than US$72 billion',
  ],
  [
    'compact about',
    () => formatFigure(bn(200, { qualifier: 'approx' }), en, { style: 'compact' }),
    'about US$200B',
  ],
  [
    'compact at least',
    () => formatFigure(bn(72, { kind: 'lower-bound' }), zh, { style: 'compact' }),
    '至少 720 億美元',
  ],
  ['compact up to', () => qualifierWord('up-to', 'guidance', zh, 'compact'), '最高 '],
  ['compact under', () => qualifierWord('under', 'market', en, 'compact'), 'under '],
  ['compact over', () => qualifierWord('over', 'market', en, 'compact'), 'over '],
  // "fell more than 10%": the words follow the number line for negative values
  [
    'over negative en',
    () => formatFigure({ value: -10, unit: '%', kind: 'market', qualifier: 'over' }, en),
    'below \u221210%',
  ],
  [
    'over negative zh',
    () => formatFigure({ value: -10, unit: '%', kind: 'market', qualifier: 'over' }, zh),
    '低於 \u221210%',
  ],
  [
    'over negative compact',
    () =>
      formatFigure({ value: -10, unit: '%', kind: 'market', qualifier: 'over' }, en, {
        style: 'compact',
      }),
    'below \u221210%',
  ],
  [
    'under negative en',
    () => formatFigure({ value: -1, unit: 'bp', kind: 'market', qualifier: 'under' }, en),
    'above \u22121 bp',
  ],
  [
    'up-to negative zh',
    () => formatFigure(bn(-2, { qualifier: 'up-to' }), zh),
    '不低於 \u221220 億美元',
  ],
  [
    'approx negative keeps its word',
    () => formatFigure(bn(-60.5, { qualifier: 'approx' }), en),
    'about \u2212US$60.5 billion',
  ],
  // magnitude: the size alone, for a sentence whose verb says the direction
  [
    'magnitude en',
    () =>
      formatFigure({ value: -10, unit: '%', kind: 'market', qualifier: 'over' }, en, {
        magnitude: true,
      }),
    'more than 10%',
  ],
  [
    'magnitude zh',
    () =>
      formatFigure({ value: -10, unit: '%', kind: 'market', qualifier: 'over' }, zh, {
        magnitude: true,
      }),
    '逾 10%',
  ],
  [
    'magnitude drops the plus',
    () => formatFigure(bn(-60.5, { qualifier: 'approx' }), zh, { magnitude: true, signed: true }),
    '約 605 億美元',
  ],
  ['no qualifier', () => qualifierWord(undefined, 'reported', en, 'prose'), ''],
  ['est en', () => formatFigure(bn(100, { estimate: true }), en), 'US$100 billion (est.)'],
  [
    'est zh',
    () => formatFigure(bn(100, { estimate: true, qualifier: 'approx' }), zh),
    '約 1,000 億美元（估）',
  ],
  [
    'est off',
    () => formatFigure(bn(100, { estimate: true }), en, { estMark: false }),
    'US$100 billion',
  ],
  ['est only on estimates', () => formatFigure(bn(100), en, { estMark: true }), 'US$100 billion'],
  ['estimateMark en', () => estimateMark(en), ' (est.)'],
  ['estimateMark zh', () => estimateMark(zh), '（估）'],
  [
    'figure dispatch USD',
    () => formatFigure({ value: 1.95, unit: 'USD', kind: 'reported' }, zh),
    '1.95 美元',
  ],
  [
    'figure dispatch bp',
    () => formatFigure({ value: -1, unit: 'bp', kind: 'market' }, en),
    '−1 bp',
  ],
  [
    'figure dispatch pts',
    () => formatFigure({ value: 611.4, unit: 'pts', kind: 'market' }, zh),
    '611.4 點',
  ],
  [
    'figure dispatch count',
    () => formatFigure({ value: 16_000, unit: 'count', kind: 'reported' }, zh),
    '1.6 萬',
  ],
  [
    'figure dispatch x',
    () => formatFigure({ value: 1.4336, unit: 'x', kind: 'estimate' }, en),
    '1.43×',
  ],
  // dates, weeks, axes
  ['date zh', () => formatDate('2026-02-06', zh), '2026年2月6日'],
  ['date en', () => formatDate('2026-02-06', en), '6 February 2026'],
  ['date new year', () => formatDate('2026-01-01', en), '1 January 2026'],
  ['week zh', () => formatWeek('2026-W06', zh), '2026 年第 6 週'],
  ['week en', () => formatWeek('2026-W06', en), 'Week 6, 2026'],
  ['week 53 of a long year', () => formatWeek('2026-W53', en), 'Week 53, 2026'],
  ['axis zh in 億', () => formatAxisMoneyBn(200, zh), '2,000'],
  ['axis en in billions', () => formatAxisMoneyBn(200, en), '200'],
  ['axis keeps 億 past 兆', () => formatAxisMoneyBn(1200, zh), '12,000'],
  ['axis negative', () => formatAxisMoneyBn(-2.5, zh), '−25'],
  ['axis float tick', () => formatAxisMoneyBn(0.1 + 0.2, en), '0.3'],
  ['axis unit zh', () => moneyAxisUnit(zh), '億美元'],
  ['axis unit en', () => moneyAxisUnit(en), 'US$ billions'],
];

test.each(cases)('%s', (_what, actual, expected) => {
  expect(actual()).toBe(expected);
});

describe('decimalsOf', () => {
  test.each([
    [31.46, 2],
    [200, 0],
    [-2.03, 2],
    [1e-7, 7],
    [1.5e-7, 8],
    [1e21, 0],
    [0.1 + 0.2, 17],
  ])('%s → %i', (value, decimals) => {
    expect(decimalsOf(value)).toBe(decimals);
  });
});

describe('chart values', () => {
  test('scales USD bn into the axis unit exactly', () => {
    expect(scaleMoneyForAxis(31.46, zh)).toBe(314.6);
    expect(scaleMoneyForAxis(-2.03, zh)).toBe(-20.3);
    expect(scaleMoneyForAxis(31.46, en)).toBe(31.46);
  });
});

describe('inputs from the rest of the pipeline', () => {
  test('a ResolvedFigure is a FigureLike', () => {
    const fig: ResolvedFigure = {
      id: 'amazon.capex.2025',
      path: 'derived',
      value: 100,
      unit: 'USD bn',
      kind: 'estimate',
      qualifier: 'approx',
      sources: ['cmoney-2026-02'],
      estimate: true,
      derived: true,
    };
    expect(formatFigure(fig, en, { style: 'compact' })).toBe('about US$100B (est.)');
  });

  test('ISO dates are read as midnight UTC', () => {
    expect(parseIsoDate('2026-02-06').getTime()).toBe(Date.UTC(2026, 1, 6));
  });
});
