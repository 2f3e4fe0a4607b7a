import { describe, expect, it } from 'vitest';
import { collectCharacters } from '../../src/fonts/characters.js';

describe('collectCharacters', () => {
  it('decodes character references and CSS escapes, and keeps what the browser generates', () => {
    const chars = collectCharacters('Amazon&#8217;s 1.43&times; &#x4E2D; content: "\\7B2C"; 頁');
    for (const char of ['\u2019', '\u00d7', '中', '第', '頁', '0', '9', '\u2026']) {
      expect(chars).toContain(char);
    }
    expect(chars).not.toContain('\n');
  });

  it('lists each character once, in code point order', () => {
    const chars = [...collectCharacters('頁頁 AA 第')];
    expect(new Set(chars).size).toBe(chars.length);
    expect(chars).toEqual(
      [...chars].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)),
    );
  });
});
