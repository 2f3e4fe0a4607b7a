import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { findNonTaiwanCharacters, TAIWAN_VARIANTS } from '../../src/data/traditional.js';

const found = (text: string) =>
  (findNonTaiwanCharacters([text])[0] ?? []).map((f) => `${f.char}→${f.becomes}`);

describe('Traditional Chinese as written in Taiwan', () => {
  test('refuses Simplified characters, saying what OpenCC makes of them', () => {
    expect(found('資料显示，科技类股基金净流出')).toEqual(['显→顯', '类→類', '净→淨']);
    expect(found('数据')).toEqual(['数→數', '据→據']);
    expect(found('后來')).toEqual(['后→後']);
    expect(found('干部')).toEqual(['干→幹']);
  });

  test('locates each character in the text, with its neighbours', () => {
    const [hit] = findNonTaiwanCharacters(['亞馬遜宣布再裁员 1.6 萬人'])[0] ?? [];
    expect(hit).toEqual({ char: '员', becomes: '員', at: 7, context: '宣布再裁员 1.6' });
  });

  test('accepts the variants standard in Taiwan: 台/臺, 占, 布', () => {
    expect([...TAIWAN_VARIANTS.keys()]).toEqual(['台', '占', '布']);
    expect(found('台灣與臺灣、平台、占比、占有、公布、宣布、分布、布局、布林通道')).toEqual([]);
  });

  test('accepts Traditional words that OpenCC converts one way only (干預, 游資, 發布)', () => {
    expect(found('央行干預、干擾、若干、游資、上游、發布、擺布、頭髮、乾淨、後來')).toEqual([]);
  });

  test('gives the same answers as OpenCC built from its whole dictionaries', () => {
    const s2tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const tw2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const week = readFileSync('data/2026-W06.yaml', 'utf8');
    const texts = [
      ...Object.values(parse(readFileSync('locales/zh-TW.json', 'utf8')) as object).flatMap((v) =>
        JSON.stringify(v).split('"'),
      ),
      ...week.split('\n'),
      '干预市场的资金流出后，台湾与香港的数据显示，布局与分布都在变化，头发与乾隆。',
    ].filter((t) => /\p{Script=Han}/u.test(t));
    const expected = texts.map((text) => {
      const chars = [...text];
      const direct = [...s2tw(text)];
      const back = [...s2tw(tw2s(text))];
      return chars
        .map((c, i) =>
          c !== direct[i] && c !== back[i] && !TAIWAN_VARIANTS.has(c) ? `${c}→${direct[i]}` : '',
        )
        .filter(Boolean);
    });
    expect(texts.length).toBeGreaterThan(100);
    expect(expected.flat().length).toBeGreaterThan(10);
    const actual = findNonTaiwanCharacters(texts).map((list) =>
      list.map((f) => `${f.char}→${f.becomes}`),
    );
    expect(actual).toEqual(expected);
  });
});
