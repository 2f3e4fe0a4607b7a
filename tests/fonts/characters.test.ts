import { describe, expect, it } from 'vitest';
import { ALWAYS_KEPT, collectCharacters, decodeReferences } from '../../src/fonts/characters.js';

/** The plain definition: a Set of the code points of the decoded text, printable ones sorted. */
function reference(text: string): string {
  const codes = new Set<number>();
  for (const char of decodeReferences(text) + ALWAYS_KEPT) codes.add(char.codePointAt(0) ?? 0);
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
    // mulberry32, seeded: the same strings on every run (32-bit integer steps, so no bits are lost).
    let seed = 42;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
    const pools = [
      () => String.fromCharCode(next() % 0x80), // ASCII and controls
      () => String.fromCharCode(0x80 + (next() % 0x80)), // C1 controls and Latin-1
      () => String.fromCharCode(0x4e00 + (next() % 0x5000)), // CJK
      () => String.fromCodePoint(0x10000 + (next() % 0x20000)), // astral: a surrogate pair
      () => String.fromCharCode(0xd800 + (next() % 0x800)), // a lone surrogate
      () => ['&#x4E2D;', '&times;', '\\201C ', '&#128512;', '&bogus;'][next() % 5] ?? '',
    ];
    const drawn = new Array<number>(pools.length).fill(0);
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 300; i++) {
        const pool = next() % pools.length;
        drawn[pool] = (drawn[pool] ?? 0) + 1;
        text += pools[pool]?.() ?? '';
      }
      expect(collectCharacters(text)).toBe(reference(text));
    }
    // Every pool really took part (a generator that lost its low bits once skipped half).
    for (const count of drawn) expect(count).toBeGreaterThan(8_000);
  });

  it.each([
    ['the controls around C1', '\u007e\u007f\u0080\u009f\u00a0\u00a1'],
    ['a high surrogate at the very end', 'ab\ud83d'],
    ['a low surrogate alone', 'a\ude00b'],
    ['a pair split by text', '\ud83d\u0041\ude00'],
    ['every code unit once', String.fromCharCode(...Array.from({ length: 0x800 }, (_, i) => i))],
  ])('equals the plain definition on %s', (_, text) => {
    expect(collectCharacters(text)).toBe(reference(text));
  });

  it('always keeps what the browser generates: every printable character of ALWAYS_KEPT', () => {
    const chars = collectCharacters('');
    for (const char of ALWAYS_KEPT) expect(chars).toContain(char);
    expect(chars).toContain('\u3001');
    expect(chars).toContain('\uff0c');
  });
});
