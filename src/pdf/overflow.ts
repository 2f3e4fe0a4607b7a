/**
 * A page wider than its paper: Chromium would print it by shrinking every page of the document
 * to fit (one unbroken 200-character word printed the English report at 67 %, its text cut off).
 * The stylesheet lets text wrap anywhere; this is the last wall. A printing page is laid out as
 * printed (print media, the paper's content width as its viewport: set once per page, before its
 * document loads, so the check costs no layout of its own), and before printing its overflowing
 * texts are listed, with the figure id of the ones a figure printed; the caller maps them to data
 * paths. The PDF does not depend on the viewport (tested: byte-identical).
 */
import type { Page } from 'puppeteer';

export interface OverflowingText {
  /** The text node's text (a figure's: its printed form). */
  text: string;
  /** `data-fig` of the figure it belongs to, if any. */
  figure?: string;
  /** How far right it reaches, in mm from the content's left edge. */
  reachesMm: number;
}

const PX_PER_MM = 96 / 25.4;

/** Runs in the page (no DOM callbacks: the page's JavaScript is off). */
function overflowing(limit: number): { text: string; figure: string | null; right: number }[] {
  const root = document.documentElement;
  if (root.scrollWidth <= Math.ceil(limit)) return [];
  const out: { text: string; figure: string | null; right: number }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node && out.length < 20; node = walker.nextNode()) {
    range.selectNodeContents(node);
    const right = Math.max(0, ...Array.from(range.getClientRects()).map((r) => r.right));
    if (right <= limit + 0.5) continue;
    const figure = node.parentElement?.closest('[data-fig]')?.getAttribute('data-fig') ?? null;
    out.push({ text: node.textContent ?? '', figure, right });
  }
  // Something without text (an image, a chart) is too wide: the page still is.
  return out.length > 0 ? out : [{ text: '', figure: null, right: root.scrollWidth }];
}

/** The content width each page is laid out at. */
const laidOutAt = new WeakMap<Page, number>();

/** Lays the page out as printed at `widthMm` (once per page and width); call before loading. */
export async function layOutForPrint(page: Page, widthMm: number): Promise<void> {
  if (laidOutAt.get(page) === widthMm) return;
  const viewport = page.viewport();
  await page.setViewport({
    width: Math.ceil(widthMm * PX_PER_MM),
    height: viewport?.height ?? 600,
  });
  await page.emulateMediaType('print');
  laidOutAt.set(page, widthMm);
}

/** The texts that reach past `widthMm` in a page laid out by layOutForPrint. */
export async function findOverflow(page: Page, widthMm: number): Promise<OverflowingText[]> {
  const found = await page.evaluate(overflowing, widthMm * PX_PER_MM);
  return found.map(({ text, figure, right }) => ({
    text,
    ...(figure ? { figure } : {}),
    reachesMm: Math.round((right / PX_PER_MM) * 10) / 10,
  }));
}
