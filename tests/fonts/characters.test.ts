import { describe, expect, it } from 'vitest';
import { collectCharacters, decodeReferences } from '../../src/fonts/characters.js';

/** The plain definition: a Set of the code points of the decoded text, printable ones sorted. */
function reference(text: string, alwaysKept: string): string {
  const codes = new Set<number>();
  for (const char of decodeReferences(text) + alwaysKept) codes.add(char.codePointAt(0) ?? 0);
  const printable = [...codes].filter((c) => c >= 0x20 && !(c >= 0x7f && c < 0xa0));
  return String.fromCodePoint(...printable.sort((a, b) => a - b));
}

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

  it('equals the plain Set-of-code-points definition on mixed text (astral, lone surrogates, controls)', () => {
    const alwaysKept = collectCharacters('');
    // A seeded generator: the same strings on every run.
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    const pools = [
      () => String.fromCharCode(next() % 0x80), // ASCII and controls
      () => String.fromCharCode(0x80 + (next() % 0x80)), // C1 controls and Latin-1
      () => String.fromCharCode(0x4e00 + (next() % 0x5000)), // CJK
      () => String.fromCodePoint(0x10000 + (next() % 0x20000)), // astral: a surrogate pair
      () => String.fromCharCode(0xd800 + (next() % 0x800)), // a lone surrogate
      () => ['&#x4E2D;', '&times;', '\\201C ', '&#128512;', '&bogus;'][next() % 5] ?? '',
    ];
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 300; i++) text += pools[next() % pools.length]?.() ?? '';
      expect(collectCharacters(text)).toBe(reference(text, alwaysKept));
    }
  });
});
