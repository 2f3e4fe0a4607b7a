import { describe, expect, test } from 'vitest';
import { unitNumbers } from './numbers.js';

describe('the cross-language number reader used by the parity tests', () => {
  test('reads the same figures, qualifiers and estimate marks in both languages', () => {
    const en =
      'about US$67.5 billion (est.) and ~US$200B, −US$2.03B, below −10%, 1.43×, 611.4 points, −1 bp';
    const zh =
      '約 675 億美元（估）、約 2,000 億美元、−20.3 億美元、低於 −10%、1.43 倍、611.4 點、−1 個基點';
    expect(unitNumbers(en, 'en')).toEqual([
      '-1 bp',
      '-2.03 bn',
      '1.43 x',
      '611.4 pts',
      '<-10 %',
      '~200 bn',
      '~67.5 bn est',
    ]);
    expect(unitNumbers(zh, 'zh-TW')).toEqual(unitNumbers(en, 'en'));
  });

  test('a dropped "about" or "est." makes the languages differ', () => {
    expect(unitNumbers('2,000 億美元', 'zh-TW')).not.toEqual(
      unitNumbers('about US$200 billion', 'en'),
    );
    expect(unitNumbers('675 億美元', 'zh-TW')).not.toEqual(unitNumbers('US$67.5B (est.)', 'en'));
  });
});
