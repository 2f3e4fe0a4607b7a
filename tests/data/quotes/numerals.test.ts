import { describe, expect, test } from 'vitest';
import { readChineseNumeral, readNumerals } from '../../../src/data/quotes/numerals.js';
import { toPlainString } from '../../../src/format/decimal.js';

/** The value as a plain decimal string with every written digit, and the quantum. */
function read(text: string): [string, number][] {
  return readNumerals(text).map((n) => [toPlainString(n.value), n.quantum]);
}

describe('Chinese numerals', () => {
  test.each([
    ['零', '0', 0],
    ['十', '10', 1],
    ['十五', '15', 0],
    ['十三', '13', 0],
    ['二十', '20', 1],
    ['一百零一', '101', 0],
    ['一千四百', '1400', 2],
    ['兩千', '2000', 3],
    ['兩千零五十', '2050', 1],
    ['兩千五', '2500', 2],
    ['一萬', '10000', 4],
    ['一萬兩千', '12000', 3],
    ['一萬二', '12000', 3],
    ['一萬零二', '10002', 0],
    ['三萬五千', '35000', 3],
    ['兩千億', '200000000000', 11],
    ['五億三', '530000000', 7],
    ['一萬億', '1000000000000', 12],
    ['一兆', '1000000000000', 12],
    ['貳拾', '20', 1],
    ['两千', '2000', 3],
  ])('%s = %s (last digit at 10^%i)', (text, value, quantum) => {
    const read = readChineseNumeral(text);
    expect(read && toPlainString(read.value)).toBe(value);
    expect(read?.quantum).toBe(quantum);
  });

  test('a run of scale characters alone is no number', () => {
    expect(readChineseNumeral('萬')).toBeUndefined();
    expect(readChineseNumeral('億')).toBeUndefined();
  });
});

describe('numerals in a text', () => {
  test.each([
    ['1,250', [['1250', 0]]],
    ['6,500 億', [['650000000000', 8]]],
    ['2,000 億美元', [['200000000000', 8]]],
    ['140 億美元', [['14000000000', 8]]],
    ['314.6 億美元', [['31460000000', 7]]],
    ['1.6 萬人', [['16000', 3]]],
    ['1.6萬人', [['16000', 3]]],
    ['1.4 萬名員工', [['14000', 3]]],
    ['5 千萬', [['50000000', 7]]],
    ['1.2 兆美元', [['1200000000000', 11]]],
    [
      '0.03% 至 611.4 點',
      [
        ['0.03', -2],
        ['611.4', -1],
      ],
    ],
    ['逾一成', [['1', 0]]],
    ['約兩千億美元', [['200000000000', 11]]],
    ['US$14.0 billion', [['14.0', -1]]],
    ['16,000 jobs', [['16000', 0]]],
    ['1,2', [['1', 0]]],
    ['第五週', [['5', 0]]],
  ] as [string, [string, number][]][])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});
