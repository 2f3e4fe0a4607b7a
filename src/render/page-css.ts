/**
 * The @page rules: paper size, margins and the running header and footer as CSS margin boxes,
 * which print with the page's own (embedded) fonts, unlike Puppeteer's header templates.
 */
import type { Translate } from '../i18n/index.js';

export type PaperSize = 'A4' | 'Letter';

/** The page margins, in mm: top, right, bottom, left (the running header and footer sit in them). */
export const PAGE_MARGINS_MM = [18, 16, 16, 16] as const;
const PAPER_WIDTH_MM: Record<PaperSize, number> = { A4: 210, Letter: 215.9 };
const PAPER_HEIGHT_MM: Record<PaperSize, number> = { A4: 297, Letter: 279.4 };

/** The width the page's content has to fit in (printing checks it: pdf/overflow.ts). */
export function contentWidthMm(paper: PaperSize): number {
  return PAPER_WIDTH_MM[paper] - PAGE_MARGINS_MM[1] - PAGE_MARGINS_MM[3];
}

/** The height of one page's body: page 1 fills exactly this. */
function bodyHeightMm(paper: PaperSize): number {
  return PAPER_HEIGHT_MM[paper] - PAGE_MARGINS_MM[0] - PAGE_MARGINS_MM[2];
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

export interface PageCssOptions {
  paper: PaperSize;
  title: string;
  weekLabel: string;
  editionLabel: string;
  /** The firm's name and logo (a data: URL) for the running header; none: the report's title. */
  firmName?: string | null | undefined;
  logo?: string | null | undefined;
  /** The firm's colours: headings and rules, highlights. */
  colors?: { primary: string; accent: string } | undefined;
  t: Translate;
}

export function pageCss(options: PageCssOptions): string {
  const box = "font-family: Inter, 'Noto Sans TC', sans-serif; font-size: 7.5pt; color: #5b6475;";
  const left = options.firmName ?? options.title;
  // The logo as the box's background: a content image would print at its own size.
  const logo = options.logo
    ? ` background: url(${cssString(options.logo)}) no-repeat left center / 4.2mm 4.2mm; padding-left: 6mm;`
    : '';
  const right = [options.title, options.weekLabel, options.editionLabel].join(' · ');
  const colors = options.colors
    ? `--accent: ${options.colors.primary}; --highlight: ${options.colors.accent};`
    : '';
  // Page 1 fills exactly one page body (its chart takes what the text leaves), never two.
  const body = bodyHeightMm(options.paper);
  return `
@page {
  size: ${options.paper};
  margin: ${PAGE_MARGINS_MM.map((mm) => `${mm}mm`).join(' ')};
  @top-left { content: ${cssString(left)}; ${box}${logo} }
  @top-right { content: ${cssString(right)}; ${box} }
  @bottom-left { content: ${cssString(options.t('page.confidential'))}; ${box} }
  @bottom-right { content: ${pageCounterContent(options.t)}; ${box} }
}
@page :first {
  @top-left { content: none; background: none; }
  @top-right { content: none; }
}
:root { --page-body-height: ${body}mm; ${colors} }`;
}
