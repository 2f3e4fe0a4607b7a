/**
 * The preview's stylesheet for the report pages: on screen only, the page is drawn as the printed
 * sheet (its paper's width, its @page margins, on a grey desk), and each forced page break (the
 * page script finds them by their computed `break-before`/`break-after`) as the gap between two
 * sheets. The report's own print CSS and its Content-Security-Policy stay as they are: this is one
 * more inline style element, which that policy allows, and it does not apply to print.
 */
import type { PaperSize } from '../render/page-css.js';

const PAPER: Record<PaperSize, { width: string; height: string }> = {
  A4: { width: '210mm', height: '297mm' },
  Letter: { width: '8.5in', height: '11in' },
};

/** The @page margins the report sets (top right bottom left), or its default. */
export function pageMargins(html: string): string[] {
  const rule = /@page\s*\{([^{}]*)/.exec(html)?.[1] ?? '';
  const margin = /(?:^|[;\s])margin\s*:\s*([^;]+);/.exec(rule)?.[1]?.trim().split(/\s+/) ?? [];
  const [top = '18mm', right = top, bottom = top, left = right] = margin;
  return [top, right, bottom, left];
}

export function sheetCss(paper: PaperSize, margins: readonly string[]): string {
  const [top, right, bottom, left] = margins;
  const { width, height } = PAPER[paper];
  return `@media screen {
  :root { --sheet-w: ${width}; --sheet-h: ${height}; --mt: ${top}; --mr: ${right}; --mb: ${bottom}; --ml: ${left}; --desk: #d8dbe2; }
  html { background: var(--desk); }
  body { box-sizing: border-box; width: var(--sheet-w); min-height: var(--sheet-h); margin: 12px auto 24px; padding: var(--mt) var(--mr) var(--mb) var(--ml); background: #fff; box-shadow: 0 1px 3px rgba(20, 30, 50, 0.25), 0 6px 18px rgba(20, 30, 50, 0.12); }
  .capex-preview-break { display: block; height: calc(var(--mb) + var(--mt) + 14px); margin: 0 calc(-1 * var(--mr)) 0 calc(-1 * var(--ml)); background: linear-gradient(to bottom, #fff var(--mb), var(--desk) var(--mb), var(--desk) calc(var(--mb) + 14px), #fff calc(var(--mb) + 14px)); position: relative; }
  .capex-preview-break::after { content: 'page break'; position: absolute; left: 50%; top: calc(var(--mb) + 7px); transform: translate(-50%, -50%); font: 600 9px/1 system-ui, sans-serif; letter-spacing: 0.08em; text-transform: uppercase; color: #6b7386; background: var(--desk); padding: 0 6px; }
}`;
}

/** The report page as the preview serves it: the sheet style added before `</head>`. */
export function withSheet(html: string, paper: PaperSize): string {
  const style = `<style id="capex-preview-sheet">${sheetCss(paper, pageMargins(html))}</style>`;
  return html.replace('</head>', () => `${style}\n</head>`);
}
