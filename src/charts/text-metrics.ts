/**
 * Text widths from the report's own font files. Without a canvas, Vega guesses every glyph at
 * 0.8 em, which clipped Chinese labels (real width 1.27× the guess) and truncated English ones
 * with "…" (0.64×). Here each run of text is shaped with fontkit in the face the browser will pick
 * (Inter when it has the glyph, else Noto Sans TC, as the CSS stack falls back), so the layout
 * Vega computes is the layout the PDF shows.
 */
import { createRequire } from 'node:module';
import * as vega from 'vega';
import { BoundedMap } from '../cache/bounded-map.js';
import { FONT_FACES, type FontFace, type FontWeight } from '../fonts/files.js';

/** The part of fontkit's font object this module uses (fontkit ships no types). */
interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: undefined, script?: string): { advanceWidth: number };
}

/** What Vega passes for a text item: the fields that decide its width. */
export interface TextStyle {
  fontSize?: number | string | undefined;
  fontWeight?: number | string | undefined;
}

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(file: string): FontkitFont };

const DEFAULT_FONT_SIZE = 11; // Vega's own default for text items

/**
 * The OpenType script each family's runs are shaped with. Chromium (HarfBuzz) shapes digits and
 * punctuation in the Latin face as Latin; fontkit would pick the font's DFLT script for them,
 * whose kerning in Inter differs (".1" 1 px narrower at 12 px). Measured: with `latn` every
 * label of the report is within 0.02 px of Chromium's getComputedTextLength.
 */
const SCRIPTS: Record<FontFace['family'], string | undefined> = {
  Inter: 'latn',
  'Noto Sans TC': undefined,
};

const opened = new Map<string, FontkitFont>();
/** Advance of one run in one face, in font units: `${file}\u0000${run}` → units. */
const runAdvances = new Map<string, number>();
/**
 * Width of a whole text in ems, by weight and text: Vega measures every label at least twice
 * (bounds, then the layout's second pass), and most labels recur from chart to chart.
 */
/** Far above the few hundred texts of a week; the oldest entry goes first. */
const textEms = new BoundedMap<string, number>(20_000);
/** matchWeight's answers, by the weight Vega asked for. */
const matchedWeights = new Map<number | string | undefined, FontWeight>();

function openFace(face: FontFace): FontkitFont {
  let font = opened.get(face.file);
  if (!font) {
    font = fontkit.openSync(face.file);
    opened.set(face.file, font);
  }
  return font;
}

/**
 * The face weight CSS font matching picks among the weights we ship (CSS Fonts 4, §5.2):
 * 400–500 look up to 500 then down; above 500 heavier first; below 400 lighter first.
 */
export function matchWeight(requested: number | string | undefined): FontWeight {
  let weight = matchedWeights.get(requested);
  if (weight === undefined) {
    weight = pickWeight(requested);
    matchedWeights.set(requested, weight);
  }
  return weight;
}

function pickWeight(requested: number | string | undefined): FontWeight {
  const available = [...new Set(FONT_FACES.map((f) => f.weight))].sort((a, b) => a - b);
  const wanted = cssWeight(requested);
  const exact = available.find((w) => w === wanted);
  if (exact !== undefined) return exact;
  const lighter = available.filter((w) => w < wanted).reverse();
  const heavier = available.filter((w) => w > wanted);
  const order =
    wanted >= 400 && wanted <= 500
      ? [...heavier.filter((w) => w <= 500), ...lighter, ...heavier.filter((w) => w > 500)]
      : wanted > 500
        ? [...heavier, ...lighter]
        : [...lighter, ...heavier];
  return order[0] ?? 400;
}

function cssWeight(weight: number | string | undefined): number {
  if (weight === undefined || weight === '' || weight === 'normal') return 400;
  if (weight === 'bold') return 700;
  const n = Number(weight);
  return Number.isFinite(n) ? n : 400;
}

/** The faces of one weight, in CSS stack order (Latin first). */
function facesOf(weight: FontWeight): FontFace[] {
  return FONT_FACES.filter((f) => f.weight === weight);
}

/** Splits text into runs that one face renders, the way the browser falls back per character. */
export function fontRuns(text: string, weight: FontWeight): { face: FontFace; text: string }[] {
  const faces = facesOf(weight);
  const runs: { face: FontFace; text: string }[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    // A glyph no face has is drawn by the last face's .notdef box, as the browser would do.
    const face =
      faces.find((f) => openFace(f).hasGlyphForCodePoint(codePoint)) ?? faces[faces.length - 1];
    if (!face) throw new Error(`No font face of weight ${weight} in FONT_FACES`);
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += char;
    else runs.push({ face, text: char });
  }
  return runs;
}

function runAdvance(face: FontFace, run: string): number {
  const key = `${face.file}\u0000${run}`;
  let units = runAdvances.get(key);
  if (units === undefined) {
    const font = openFace(face);
    // Shaping (not a sum of glyph advances) so kerning counts, as it does in Chromium.
    units = font.layout(run, undefined, SCRIPTS[face.family]).advanceWidth / font.unitsPerEm;
    runAdvances.set(key, units);
  }
  return units;
}

/** Width in px of one line of text set in the report's font stack. */
export function measureText(text: string, style: TextStyle = {}): number {
  const size = style.fontSize === undefined ? DEFAULT_FONT_SIZE : Number(style.fontSize) || 0;
  if (size <= 0 || text === '') return 0;
  const weight = matchWeight(style.fontWeight);
  const key = `${weight}\u0000${text}`;
  let ems = textEms.get(key);
  if (ems === undefined) {
    ems = 0;
    for (const run of fontRuns(text, weight)) ems += runAdvance(run.face, run.text);
    textEms.set(key, ems);
  }
  return ems * size;
}

interface VegaTextMetrics {
  width: (item: TextStyle, text: unknown) => number;
  estimateWidth: (item: TextStyle, text: unknown) => number;
}

/** Vega's text-metrics hook (exported by vega-scenegraph, missing from vega's typings). */
export const vegaTextMetrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;

/**
 * Makes every Vega layout in this process measure text with the report fonts. Vega calls the
 * hook with raw (untruncated) text, both for bounds and inside its own label truncation.
 */
export function installTextMetrics(): void {
  vegaTextMetrics.width = (item, text) => measureText(String(text ?? '').trim(), item);
}
