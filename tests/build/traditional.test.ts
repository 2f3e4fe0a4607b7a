/**
 * The printed zh-TW report read back as a client's viewer reads it (pdftotext): no character
 * that OpenCC would turn into another for Taiwan, the same check `validate` runs on the data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findNonTaiwanCharacters } from '../../src/data/traditional.js';
import { pdftotext } from '../helpers/poppler.js';
import { buildSample, normalizeText } from '../helpers/sample.js';

describe('the sample week printed in zh-TW', () => {
  test('has no Simplified character in the text of its PDF', async () => {
    const result = await buildSample({ locales: ['zh-TW'] });
    const text = pdftotext(readFileSync(result.pdfs['zh-TW'] as string));
    expect(text.match(/\p{Script=Han}/gu)?.length ?? 0).toBeGreaterThan(2000);
    // Lines joined as a reader reads them: a word pdftotext splits at a line end stays one word.
    const [found = []] = findNonTaiwanCharacters([normalizeText(text, 'zh-TW')]);
    expect(found.map((f) => `${f.char}→${f.becomes} in "${f.context}"`)).toEqual([]);
  }, 120_000);

  test('the check would see one: a Simplified character in printed-like text', () => {
    const lines = ['亞馬遜第 4 季财报显示，投資已開始帶來回報。'];
    expect(findNonTaiwanCharacters(lines)[0]?.map((f) => f.char)).toEqual(['财', '报', '显']);
  });
});
