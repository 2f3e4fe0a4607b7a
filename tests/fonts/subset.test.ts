import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CapexReportError } from '../../src/errors.js';
import { collectCharacters } from '../../src/fonts/characters.js';
import { FONT_FACES, type FontFace } from '../../src/fonts/files.js';
import {
  buildFontCss,
  embedFontCss,
  embedFonts,
  KEPT_LAYOUT_FEATURES,
  subsetFace,
} from '../../src/fonts/subset.js';

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  numGlyphs: number;
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): FontkitFont };

const zhTW = readFileSync(new URL('../fixtures/pdf/zh-TW.html', import.meta.url), 'utf8');
const HAN = /\p{Script=Han}/u;
const NOT_IN_FIXTURE = '龜'; // a Han character the fixture does not use

const face = (family: FontFace['family'], weight: FontFace['weight']) =>
  FONT_FACES.find((f) => f.family === family && f.weight === weight) as FontFace;

/** The font files inside the @font-face rules, in rule order. */
function fontsIn(css: string): FontkitFont[] {
  return [...css.matchAll(/url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) =>
    fontkit.create(Buffer.from(m[1] as string, 'base64')),
  );
}

describe('buildFontCss', () => {
  it('gives one @font-face per face and weight, each a data: URL', async () => {
    const { css, faces } = await buildFontCss(zhTW);
    expect(css.match(/@font-face/g)).toHaveLength(FONT_FACES.length);
    expect(css).not.toMatch(/url\((?!data:)/);
    expect(faces.map((f) => `${f.family} ${f.weight}`)).toEqual(
      FONT_FACES.map((f) => `${f.family} ${f.weight}`),
    );
  });

  it('keeps every character of the page and drops the rest of the font', async () => {
    const { css, faces } = await buildFontCss(zhTW);
    const noto400 = fontsIn(css)[FONT_FACES.indexOf(face('Noto Sans TC', 400))] as FontkitFont;
    const hanOfPage = [...new Set(zhTW)].filter((c) => HAN.test(c));
    expect(hanOfPage.length).toBeGreaterThan(100);
    for (const char of hanOfPage) {
      expect(noto400.hasGlyphForCodePoint(char.codePointAt(0) ?? 0), char).toBe(true);
    }
    expect(noto400.hasGlyphForCodePoint(NOT_IN_FIXTURE.codePointAt(0) ?? 0)).toBe(false);
    const noto400Size = faces.find((f) => f.family === 'Noto Sans TC' && f.weight === 400)?.bytes;
    expect(noto400Size).toBeLessThan(statSync(face('Noto Sans TC', 400).file).size / 20);
  });

  it('gives a face only the characters the faces before it in the stack lack', async () => {
    const { css } = await buildFontCss(zhTW);
    const fonts = fontsIn(css);
    const inter400 = fonts[FONT_FACES.indexOf(face('Inter', 400))] as FontkitFont;
    const noto400 = fonts[FONT_FACES.indexOf(face('Noto Sans TC', 400))] as FontkitFont;
    for (const char of 'A9%') {
      expect(inter400.hasGlyphForCodePoint(char.codePointAt(0) ?? 0), char).toBe(true);
      expect(noto400.hasGlyphForCodePoint(char.codePointAt(0) ?? 0), char).toBe(false);
    }
    // Inter has no full-width comma: the fallback face keeps it.
    expect(inter400.hasGlyphForCodePoint(0xff0c)).toBe(false);
    expect(noto400.hasGlyphForCodePoint(0xff0c)).toBe(true);
  });

  it('lists the characters no face has, which would print as blanks', async () => {
    expect((await buildFontCss(zhTW)).uncovered).toEqual([]);
    const { uncovered } = await buildFontCss('頁 😀 x\u200b\u00a0y 𪚥');
    expect(uncovered).toEqual(['😀', '𪚥']);
  });

  it('can write WOFF2 instead of TrueType', async () => {
    const { css } = await buildFontCss('Page 1', { format: 'woff2', faces: [face('Inter', 400)] });
    const data = /url\(data:font\/woff2;base64,([^)]+)\) format\('woff2'\)/.exec(css)?.[1] ?? '';
    expect(Buffer.from(data, 'base64').subarray(0, 4).toString('latin1')).toBe('wOF2');
  });
});

describe('KEPT_LAYOUT_FEATURES', () => {
  const css = readFileSync(new URL('../../templates/styles/report.css', import.meta.url), 'utf8');
  const NUMERIC: Record<string, string> = {
    'lining-nums': 'lnum',
    'oldstyle-nums': 'onum',
    'proportional-nums': 'pnum',
    'tabular-nums': 'tnum',
    'diagonal-fractions': 'frac',
    'stacked-fractions': 'afrc',
    'slashed-zero': 'zero',
    ordinal: 'ordn',
  };

  it('holds every feature the stylesheet turns on (a subset without it would ignore the CSS)', () => {
    const numeric = [...css.matchAll(/font-variant-numeric:\s*([^;}]+)/g)].flatMap((m) =>
      (m[1] as string).trim().split(/\s+/),
    );
    expect(numeric.length).toBeGreaterThan(0);
    const settings = [...css.matchAll(/font-feature-settings:\s*([^;}]+)/g)].flatMap((m) =>
      (m[1] as string).split(',').map((s) => s.trim()),
    );
    const turnedOn = [
      ...numeric.map((v) => NUMERIC[v] ?? `unknown value ${v}`),
      ...settings
        .map((s) => /^'(\w{4})'\s*(\w+)?$/.exec(s) ?? ['', `unknown setting ${s}`, '1'])
        .filter(([, , value]) => value !== '0' && value !== 'off')
        .map(([, tag]) => tag as string),
    ];
    for (const tag of turnedOn) expect(KEPT_LAYOUT_FEATURES, tag).toContain(tag);
  });

  it('drops the rest: no stylistic alternates in the Inter subset', async () => {
    const { css: fontCss } = await buildFontCss(zhTW);
    const inter400 = fontsIn(fontCss)[FONT_FACES.indexOf(face('Inter', 400))] as FontkitFont;
    const distinct = new Set(collectCharacters(zhTW)).size;
    // Measured on this fixture: 256 characters; 246 glyphs with the kept features, 528 with
    // all of Inter's (its stylistic sets and character variants).
    expect(inter400.numGlyphs).toBeLessThan(distinct * 1.5);
  });
});

describe('subsetFace', () => {
  it('cuts each (face, characters) once and then serves it from memory', async () => {
    const inter = face('Inter', 700);
    const first = await subsetFace(inter, collectCharacters('cache test'));
    expect(await subsetFace(inter, collectCharacters('test cache'))).toBe(first);
    expect(await subsetFace(inter, collectCharacters('cache test ×'))).not.toBe(first);
  });

  it('names the font file it could not read', async () => {
    const missing: FontFace = { family: 'Inter', weight: 400, file: '/nonexistent/Inter.ttf' };
    await expect(subsetFace(missing, 'abc')).rejects.toThrow(
      'Could not read font file Inter 400 (/nonexistent/Inter.ttf)',
    );
  });
});

describe('embedFontCss', () => {
  it('adds the rules as the last style of the head', async () => {
    const html = await embedFonts(
      '<!doctype html><html><head><title>t</title></head><body>頁</body></html>',
    );
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<style id="page-fonts">\n@font-face[\s\S]*<\/style>\n<\/head><body>頁/);
  });

  it('refuses a page without a head rather than breaking its doctype', () => {
    expect(() => embedFontCss('<p>x</p>', '')).toThrow(CapexReportError);
  });
});
