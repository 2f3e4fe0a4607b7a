import { describe, expect, test } from 'vitest';
import { checkQuote, type QuotedFigure } from '../../../src/data/quotes/check-quote.js';
import { readQuote } from '../../../src/data/quotes/read-quote.js';
import { toPlainString } from '../../../src/format/decimal.js';

const bn = (value: number, quote: string, extra: Partial<QuotedFigure> = {}): QuotedFigure => ({
  value,
  unit: 'USD bn',
  kind: 'reported',
  quote,
  ...extra,
});
const problems = (f: QuotedFigure) => checkQuote(f).map((p) => p.problem);

describe('reading a quote', () => {
  const signed = (quote: string) =>
    readQuote(quote).map(
      (n) =>
        `${n.value.negative ? '-' : ''}${toPlainString(n.value)} ${n.unit}${n.qualifier ? ` ${n.qualifier.kind}` : ''}`,
    );

  test.each([
    ['140 億美元', ['14000000000 usd']],
    ['逾 720 億美元', ['72000000000 usd over']],
    ['約兩千億美元', ['200000000000 usd approx']],
    ['超過 10%', ['10 percent over']],
    ['1.6 萬人', ['16000 count']],
    ['盤後大跌逾一成', ['-10 percent over']],
    ['科技類股基金卻淨流出 20.3 億美元', ['-2030000000 usd']],
    ['小跌 0.03% 至 611.4 點', ['-0.03 percent', '611.4 points']],
    ['小跌 1 個基點至 4.19%', ['-1 bp', '4.19 percent']],
    ['自由現金流降至僅 112 億美元', ['11200000000 usd only']],
    ['今年資本支出上看 1,350 億美元', ['135000000000 usd up-to']],
    ['遠超 2025 年約 1,250 億美元的支出', ['2025 period', '125000000000 usd approx']],
    ['創下 13 個季度以來最快增速', ['13 period']],
    ['連續第五週', ['5 ordinal']],
    ['幾乎是前一年的兩倍', ['1 period', '2 multiple nearly']],
    ['1.95 美元對比預期的 1.97 美元', ['1.95 usd', '1.97 usd']],
    ['about US$200 billion', ['200000000000 usd approx']],
    ['fell more than 10% after hours', ['-10 percent over']],
    ['down 1 basis point to 4.19%', ['-1 bp', '4.19 percent']],
    ['16,000 jobs', ['16000 count']],
    ['約 247 美元', ['247 usd approx']],
    ['10 億美元以上', ['1000000000 usd over']],
    ['三成', ['30 percent']],
    ['接近 5 成', ['50 percent nearly']],
    ['一方面', ['1 ordinal']],
    ['工業類……分別獲得 27.5 億', ['2750000000 amount']],
    ['約貢獻了 Amazon 60% 的營業利潤', ['60 percent approx']],
    ['約 247 美元和 255 美元', ['247 usd approx', '255 usd approx']],
    ['僅略低於預期,1.95 美元', ['1.95 usd']],
    ['a price discovery area near $200', ['200 usd approx']],
  ])('%s', (quote, expected) => {
    expect(signed(quote)).toEqual(expected);
  });
});

describe('a figure against its quote', () => {
  test('passes when value, digits and qualifier agree, units converted', () => {
    expect(checkQuote(bn(14.0, '140 億美元', { decimals: 1 }))).toEqual([]);
    expect(checkQuote(bn(14, '140 億美元'))).toEqual([]);
    expect(checkQuote(bn(2.1, '21 億美元'))).toEqual([]);
    expect(checkQuote(bn(31.46, '314.6 億美元'))).toEqual([]);
    expect(checkQuote(bn(-2.03, '淨流出 20.3 億美元'))).toEqual([]);
    expect(checkQuote(bn(200, '約兩千億美元', { qualifier: 'approx' }))).toEqual([]);
    expect(checkQuote(bn(200, '2,000 億美元'))).toEqual([]);
    expect(checkQuote(bn(1200, '1.2 兆美元'))).toEqual([]);
    expect(checkQuote(bn(14, 'US$14.0 billion'))).toEqual([]);
    expect(checkQuote(bn(72, '逾 720 億美元', { qualifier: 'over' }))).toEqual([]);
    expect(
      checkQuote({ value: 16000, unit: 'count', kind: 'reported', quote: '再裁員 1.6 萬人' }),
    ).toEqual([]);
    expect(
      checkQuote({
        value: -10,
        unit: '%',
        kind: 'market',
        qualifier: 'over',
        quote: '盤後大跌逾一成',
      }),
    ).toEqual([]);
    expect(
      checkQuote({ value: -1, unit: 'bp', kind: 'market', quote: '小跌 1 個基點至 4.19%' }),
    ).toEqual([]);
    expect(
      checkQuote({ value: 4.19, unit: '%', kind: 'market', quote: '小跌 1 個基點至 4.19%' }),
    ).toEqual([]);
    expect(checkQuote({ value: 611.4, unit: 'pts', kind: 'market', quote: '至 611.4 點' })).toEqual(
      [],
    );
    expect(checkQuote({ value: 1.95, unit: 'USD', kind: 'reported', quote: '1.95 美元' })).toEqual(
      [],
    );
  });

  test("refuses a value off its quote, with the quote's number in the figure's unit", () => {
    expect(checkQuote(bn(14.5, '140 億美元'))).toEqual([
      { problem: 'value', expected: ['14.0'], found: '14.5', words: ['140 億美元'], sign: false },
    ]);
    expect(problems(bn(2.03, '淨流出 20.3 億美元'))).toEqual(['value']);
    expect(problems(bn(-11.2, '降至僅 112 億美元'))).toEqual(['value']);
    expect(problems(bn(20, '約兩千億美元', { qualifier: 'approx' }))).toEqual(['value']);
    expect(
      problems({ value: 10, unit: '%', kind: 'market', qualifier: 'over', quote: '大跌逾一成' }),
    ).toEqual(['value']);
  });

  test('refuses decimals beyond the digits the quote wrote', () => {
    expect(checkQuote(bn(14, '140 億美元', { decimals: 2 }))).toEqual([
      { problem: 'precision', maxDecimals: 1, decimals: 2, words: '140 億美元' },
    ]);
    expect(problems(bn(2.1, '21 億美元', { decimals: 2 }))).toEqual(['precision']);
    expect(problems(bn(31.46, '314.6 億美元', { decimals: 3 }))).toEqual(['precision']);
    expect(problems(bn(200, '約兩千億美元', { qualifier: 'approx', decimals: 1 }))).toEqual([
      'precision',
    ]);
  });

  test('refuses a qualifier the words contradict', () => {
    expect(problems(bn(18.71, '淨流入約 187.1 億美元'))).toEqual(['qualifier']);
    expect(problems(bn(18.71, '淨流入 187.1 億美元', { qualifier: 'approx' }))).toEqual([
      'qualifier',
    ]);
    expect(problems(bn(72, '逾 720 億美元', { qualifier: 'approx' }))).toEqual(['qualifier']);
    expect(problems(bn(72, '逾 720 億美元', { kind: 'lower-bound' }))).toEqual(['qualifier']);
    expect(problems(bn(135, '上看 1,350 億美元', { qualifier: 'approx' }))).toEqual(['qualifier']);
    expect(problems(bn(11.2, '降至僅 112 億美元', { qualifier: 'under' }))).toEqual(['qualifier']);
    expect(problems(bn(11.2, '降至僅 112 億美元'))).toEqual([]);
  });

  test('"nearly" allows "about" or "under", nothing else', () => {
    const nearly = (qualifier?: 'approx' | 'under' | 'over') =>
      problems(bn(10, '接近 100 億美元', qualifier ? { qualifier } : {}));
    expect(nearly('approx')).toEqual([]);
    expect(nearly('under')).toEqual([]);
    expect(nearly('over')).toEqual(['qualifier']);
    expect(nearly()).toEqual(['qualifier']);
  });

  test('refuses a quote with no number in the unit', () => {
    expect(problems(bn(10, '超過 10%'))).toEqual(['no-number']);
    expect(problems({ value: 10, unit: '%', kind: 'reported', quote: '10 億美元' })).toEqual([
      'no-number',
    ]);
    expect(problems(bn(13, '創下 13 個季度以來最快增速'))).toEqual(['no-number']);
  });

  test('takes the number it equals from a quote with several, and checks that one', () => {
    const eps = '1.95 美元對比預期的 1.97 美元';
    expect(checkQuote({ value: 1.95, unit: 'USD', kind: 'reported', quote: eps })).toEqual([]);
    expect(checkQuote({ value: 1.97, unit: 'USD', kind: 'estimate', quote: eps })).toEqual([]);
    expect(checkQuote({ value: 1.96, unit: 'USD', kind: 'reported', quote: eps })).toMatchObject([
      { problem: 'value', expected: ['1.95', '1.97'] },
    ]);
    const levels = '先前約 247 美元和 255 美元的阻力區';
    const usd = (value: number, qualifier?: 'approx') =>
      problems({
        value,
        unit: 'USD',
        kind: 'market',
        quote: levels,
        ...(qualifier ? { qualifier } : {}),
      });
    expect(usd(255, 'approx')).toEqual([]);
    expect(usd(255)).toEqual(['qualifier']);
  });
});
