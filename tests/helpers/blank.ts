/**
 * How much of a printed page is empty, measured on its pixels: each page is rendered in grey at
 * 50 dpi (pdftoppm -gray, binary PGM: a header "P5 width height maxval", then one byte a pixel),
 * and within the page's content box (the page less its @page margins) a row whose every pixel
 * is nearly white (≥ 245 of 255) is blank. Only runs of blank rows at least 5 mm tall count:
 * the gaps between lines and paragraphs are type, not empty space; a half-empty page is one
 * tall run. The share is the counted rows over the content box's height.
 */
import { pdftoppmGray } from './poppler.js';

export interface PageBox {
  /** Page size and margins in mm (A4, the report's @page margins). */
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const A4_REPORT: PageBox = {
  width: 210,
  height: 297,
  top: 18,
  right: 16,
  bottom: 16,
  left: 16,
};

const DPI = 50;
const WHITE = 245;
const MIN_RUN_MM = 5;

interface Pgm {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Reads a binary PGM (P5) with 8-bit samples. */
export function readPgm(bytes: Buffer): Pgm {
  // Header tokens are separated by whitespace; comments (#…) may sit between them.
  const tokens: string[] = [];
  let at = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[at] ?? 0))) at++;
    if (bytes[at] === 0x23) {
      while (bytes[at] !== 0x0a) at++;
      continue;
    }
    const start = at;
    while (!/\s/.test(String.fromCharCode(bytes[at] ?? 0x20))) at++;
    tokens.push(bytes.subarray(start, at).toString('latin1'));
  }
  const [magic, width, height, max] = tokens;
  if (magic !== 'P5' || Number(max) > 255) throw new Error(`not an 8-bit binary PGM: ${magic}`);
  // Exactly one whitespace byte ends the header.
  return { width: Number(width), height: Number(height), pixels: bytes.subarray(at + 1) };
}

/** The blank share of one page image, 0-1. */
export function blankShare(page: Pgm, box: PageBox = A4_REPORT): number {
  const px = (mm: number, total: number, of: number) => Math.round((mm / of) * total);
  const top = px(box.top, page.height, box.height);
  const bottom = page.height - px(box.bottom, page.height, box.height);
  const left = px(box.left, page.width, box.width);
  const right = page.width - px(box.right, page.width, box.width);
  const minRun = (MIN_RUN_MM / box.height) * page.height;
  let counted = 0;
  let run = 0;
  for (let y = top; y < bottom; y++) {
    const row = page.pixels.subarray(y * page.width + left, y * page.width + right);
    if (row.every((v) => v >= WHITE)) {
      run++;
      continue;
    }
    if (run >= minRun) counted += run;
    run = 0;
  }
  if (run >= minRun) counted += run;
  return counted / (bottom - top);
}

/** The blank share of every page of a PDF, in page order. */
export function blankShares(pdf: Uint8Array, box: PageBox = A4_REPORT): number[] {
  return pdftoppmGray(pdf, DPI).map((image) => blankShare(readPgm(image), box));
}
