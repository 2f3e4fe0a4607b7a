/**
 * The report's fonts, cut down to the characters the page prints and inlined as data: URLs, so
 * the printed page loads nothing from disk or network and Chromium embeds small TrueType subsets
 * (CIDFontType2, never Type 3) in the PDF. Which characters: see characters.ts.
 */
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BoundedMap } from '../cache/bounded-map.js';
import { type Cache, cacheKey } from '../cache/index.js';
import { CapexReportError, EnvironmentError } from '../errors.js';
import { msg } from '../messages/index.js';
import { collectCharacters, decodeReferences } from './characters.js';
import { FONT_FACES, type FontFace } from './files.js';

/**
 * `truetype` is the default. Measured on a 6-page zh-TW text (1,200 distinct characters): all six
 * TrueType subsets take 0.2-0.4 s, WOFF2 4-5 s (Brotli); Chromium prints both in the same time
 * and embeds the same PDF fonts. WOFF2 only makes the HTML smaller (0.9 MB instead of 1.9 MB).
 */
export type FontFormat = 'truetype' | 'woff2';

export interface EmbeddedFace {
  family: FontFace['family'];
  weight: FontFace['weight'];
  /** Size of the subset font file (before base64). */
  bytes: number;
}

export interface FontCss {
  /** `@font-face` rules whose sources are data: URLs. */
  css: string;
  faces: EmbeddedFace[];
  /**
   * Characters of the text that no face has. Chromium prints them as blanks (no system font
   * has them either), so a caller should treat a non-empty list as a defect of the text.
   */
  uncovered: string[];
}

export interface FontCssOptions {
  format?: FontFormat;
  faces?: readonly FontFace[];
  /**
   * Keep the result here (kind `fonts`), keyed by the characters, format and font files: a
   * rebuild of the same text skips HarfBuzz and fontkit entirely (they are not even loaded).
   */
  cache?: Cache | undefined;
}

type SubsetFont = (
  font: Uint8Array,
  text: string,
  options: { targetFormat: 'truetype' | 'woff2'; keepFeatures: readonly string[] },
) => Promise<Uint8Array>;

/**
 * The OpenType layout features a subset keeps: HarfBuzz's own default list for horizontal and
 * vertical Latin and CJK text (what Chromium's shaper applies unasked), plus the two the style
 * sheet turns on (`font-variant-numeric: tabular-nums lining-nums`). subset-font keeps every
 * feature otherwise, and Inter's stylistic sets and alternates pull hundreds of glyphs into each
 * subset: 68 KB instead of 32 KB per Inter face, 243 KB instead of 184 KB per Noto Sans TC face
 * for the sample week, and Chromium decodes and sanitizes every byte of them per page.
 * A feature the CSS starts using must be added here (the subset test checks the CSS's list).
 */
export const KEPT_LAYOUT_FEATURES: readonly string[] = [
  // every script
  'ccmp',
  'locl',
  'mark',
  'mkmk',
  'rlig',
  'rvrn',
  'frac',
  'numr',
  'dnom',
  // horizontal
  'calt',
  'clig',
  'curs',
  'kern',
  'liga',
  'rclt',
  'ltra',
  'ltrm',
  // vertical and East Asian spacing
  'valt',
  'vert',
  'vkrn',
  'vpal',
  'vrt2',
  'chws',
  'vchw',
  'halt',
  'vhal',
  'jalt',
  // turned on by templates/styles/report.css
  'tnum',
  'lnum',
];

/** The part of fontkit's font object used here (fontkit ships no types). */
interface FontkitFont {
  characterSet: number[];
}

const require = createRequire(import.meta.url);
// Loaded on first use: a build whose fonts come from the disk cache never needs them.
let subsetFontModule: SubsetFont | undefined;
let fontkitModule: { create(buffer: Buffer): FontkitFont } | undefined;
const subsetFont: SubsetFont = (font, text, options) => {
  subsetFontModule ??= require('subset-font') as SubsetFont; // ships no types
  return subsetFontModule(font, text, options);
};
const fontkit = {
  create(buffer: Buffer): FontkitFont {
    fontkitModule ??= require('fontkit') as { create(buffer: Buffer): FontkitFont };
    return fontkitModule.create(buffer);
  },
};

const fontFiles = new Map<string, Promise<Uint8Array>>();
/** Subsets made in this process: a page's stack asks for Inter's subset twice (subsetInStack). */
const subsets = new BoundedMap<string, Promise<Uint8Array>>(48);

function readFontFile(face: FontFace): Promise<Uint8Array> {
  let bytes = fontFiles.get(face.file);
  if (!bytes) {
    bytes = readFile(face.file).catch((cause: unknown) => {
      fontFiles.delete(face.file);
      throw new EnvironmentError(msg.fonts.couldNotRead(face.family, face.weight, face.file), {
        cause,
      });
    });
    fontFiles.set(face.file, bytes);
  }
  return bytes;
}

/** One face cut down to `characters` (the output of collectCharacters); cached in memory. */
export function subsetFace(
  face: FontFace,
  characters: string,
  format: FontFormat = 'truetype',
): Promise<Uint8Array> {
  const key = cacheKey(face.file, format, characters);
  const cached = subsets.get(key);
  if (cached) return cached;
  const subset = readFontFile(face).then(async (font) => {
    try {
      return new Uint8Array(
        await subsetFont(font, characters, {
          targetFormat: format,
          keepFeatures: KEPT_LAYOUT_FEATURES,
        }),
      );
    } catch (cause) {
      throw new CapexReportError(msg.fonts.couldNotSubset(face.family, face.weight, face.file), {
        cause,
      });
    }
  });
  subsets.set(key, subset);
  subset.catch(() => subsets.delete(key)); // a failure is not kept
  return subset;
}

const MIME: Record<FontFormat, string> = { truetype: 'font/ttf', woff2: 'font/woff2' };

function fontFaceRule(face: FontFace, subset: Uint8Array, format: FontFormat): string {
  const url = `data:${MIME[format]};base64,${Buffer.from(subset).toString('base64')}`;
  return [
    '@font-face {',
    `  font-family: '${face.family}';`,
    '  font-style: normal;',
    `  font-weight: ${face.weight};`,
    // Printing waits for document.fonts.ready; never paint a fallback face first.
    '  font-display: block;',
    `  src: url(${url}) format('${format}');`,
    '}',
  ].join('\n');
}

/** Whitespace and invisible format characters need no glyph. */
const NEEDS_NO_GLYPH = /[\p{Cc}\p{Cf}\p{Z}]/u;

function uncoveredCharacters(text: string, subsets: readonly Uint8Array[]): string[] {
  const covered = new Set<number>();
  for (const subset of subsets) {
    for (const code of fontkit.create(Buffer.from(subset)).characterSet) covered.add(code);
  }
  return [...new Set(decodeReferences(text))].filter(
    (char) => !NEEDS_NO_GLYPH.test(char) && !covered.has(char.codePointAt(0) ?? 0),
  );
}

/** `@font-face` rules for every face and weight, each holding only the characters of `text`. */
export async function buildFontCss(text: string, options: FontCssOptions = {}): Promise<FontCss> {
  const { format = 'truetype', faces = FONT_FACES, cache } = options;
  const characters = collectCharacters(text);
  if (!cache) return subsetFaces(text, characters, format, faces);
  const key = cacheKey(characters, format, await facesKey(faces), CODE_KEY);
  const stored = await cache.read('fonts', key);
  if (stored) return JSON.parse(stored.toString('utf8')) as FontCss;
  const built = await subsetFaces(text, characters, format, faces);
  cache.write('fonts', key, JSON.stringify(built));
  return built;
}

/** This module's own code and the subsetter's version: changed code, new subsets. */
const CODE_KEY = cacheKey(
  readFileSync(fileURLToPath(import.meta.url)),
  readFileSync(require.resolve('subset-font')),
);

/** The font files as the cache sees them: a changed file changes every subset. */
async function facesKey(faces: readonly FontFace[]): Promise<string> {
  const sizes = await Promise.all(
    faces.map((f) =>
      stat(f.file).then(
        (s) => `${s.size}:${s.mtimeMs}`,
        () => 'missing',
      ),
    ),
  );
  return faces.map((f, i) => `${f.family}/${f.weight}/${f.file}/${sizes[i]}`).join('|');
}

async function subsetFaces(
  text: string,
  characters: string,
  format: FontFormat,
  faces: readonly FontFace[],
): Promise<FontCss> {
  const subsetsOfFaces = await Promise.all(
    faces.map((face, i) => subsetInStack(face, characters, format, faces.slice(0, i))),
  );
  const rules = faces.map((face, i) => fontFaceRule(face, subsetsOfFaces[i] as Uint8Array, format));
  return {
    css: rules.join('\n'),
    faces: faces.map((face, i) => ({
      family: face.family,
      weight: face.weight,
      bytes: (subsetsOfFaces[i] as Uint8Array).byteLength,
    })),
    uncovered: uncoveredCharacters(text, subsetsOfFaces),
  };
}

/**
 * The browser falls back along the font stack character by character, so a face prints only the
 * characters that the faces before it at its weight lack (Noto Sans TC: the Han characters and
 * CJK punctuation, not the Latin text Inter prints); its subset holds just those.
 */
async function subsetInStack(
  face: FontFace,
  characters: string,
  format: FontFormat,
  before: readonly FontFace[],
): Promise<Uint8Array> {
  const earlier = before.filter((f) => f.weight === face.weight);
  if (earlier.length === 0) return subsetFace(face, characters, format);
  const covered = new Set<number>();
  for (const f of earlier) {
    const subset = await subsetFace(f, characters, format);
    for (const code of fontkit.create(Buffer.from(subset)).characterSet) covered.add(code);
  }
  const left = [...characters].filter((c) => !covered.has(c.codePointAt(0) ?? 0)).join('');
  return subsetFace(face, left, format);
}

/**
 * The id of the `<style>` element that holds a page's `@font-face` rules (templates/layout.hbs
 * and embedFontCss): a printer page that already has these very rules loaded keeps them
 * (pdf/pages.ts).
 */
export const FONT_STYLE_ID = 'page-fonts';

/** The page with `css` as the last `<style>` of its head, so later rules cannot shadow it. */
export function embedFontCss(html: string, css: string): string {
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd === -1) {
    // Anything put before <!doctype> would switch the page to quirks mode.
    throw new CapexReportError(msg.fonts.noHead);
  }
  const style = `<style id="${FONT_STYLE_ID}">\n${css}\n</style>\n`;
  return `${html.slice(0, headEnd)}${style}${html.slice(headEnd)}`;
}

/** The page with the subset fonts of its own text embedded: what printPdf expects. */
export async function embedFonts(html: string, options: FontCssOptions = {}): Promise<string> {
  const { css } = await buildFontCss(html, options);
  return embedFontCss(html, css);
}
