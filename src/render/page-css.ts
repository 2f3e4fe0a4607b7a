/**
 * The @page rules: paper size, margins and the running header and footer as CSS margin boxes,
 * which print with the page's own (embedded) fonts, unlike Puppeteer's header templates.
 */
import type { Translate } from '../i18n/index.js';

export type PaperSize = 'A4' | 'Letter';

/** The page margins, in mm: top, right, bottom, left (the running header and footer sit in them). */
export const PAGE_MARGINS_MM = [18, 16, 18, 16] as const;
const PAPER_WIDTH_MM: Record<PaperSize, number> = { A4: 210, Letter: 215.9 };

/** The width the page's content has to fit in (printing checks it: pdf/overflow.ts). */
export function contentWidthMm(paper: PaperSize): number {
  return PAPER_WIDTH_MM[paper] - PAGE_MARGINS_MM[1] - PAGE_MARGINS_MM[3];
}

/** A CSS string literal; data-derived text cannot close the string or the style element. */
export function cssString(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped
  return `"${text.replace(/[\\"<>&\n\r\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** "Page {{page}} of {{pages}}" → "Page " counter(page) " of " counter(pages). */
export function pageCounterContent(t: Translate): string {
  const pattern = t('page.footer', { page: '\ue000', pages: '\ue001' });
  return pattern
    .split(/([\ue000\ue001])/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '\ue000' ? 'counter(page)' : part === '\ue001' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

export function pageCss(options: {
  paper: PaperSize;
  title: string;
  weekLabel: string;
  t: Translate;
}): string {
  const box = "font-family: Inter, 'Noto Sans TC', sans-serif; font-size: 7.5pt; color: #5b6475;";
  return `
@page {
  size: ${options.paper};
  margin: ${PAGE_MARGINS_MM.map((mm) => `${mm}mm`).join(' ')};
  @top-left { content: ${cssString(options.title)}; ${box} }
  @top-right { content: ${cssString(options.weekLabel)}; ${box} }
  @bottom-left { content: ${cssString(options.t('page.confidential'))}; ${box} }
  @bottom-right { content: ${pageCounterContent(options.t)}; ${box} }
}
@page :first {
  @top-left { content: none; }
  @top-right { content: none; }
}`;
}
