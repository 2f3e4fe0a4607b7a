/**
 * One language's complete HTML page: view → templates → fonts subset to the page's characters.
 */
import type { Cache } from '../cache/index.js';
import type { Locale, Week } from '../data/schema.js';
import { InvalidInputError } from '../errors.js';
import { buildFontCss } from '../fonts/subset.js';
import type { Translate } from '../i18n/index.js';
import { textOf } from '../inputs/files.js';
import type { FirmIdentity } from '../inputs/firm.js';
import type { TemplateFiles } from '../inputs/load.js';
import { msg } from '../messages/index.js';
import type { Metrics } from '../metrics/types.js';
import { insertFontCss, renderHtml } from './html.js';
import type { PaperSize } from './page-css.js';
import { compileTemplates } from './templates.js';
import { buildReportView, type RenderedChartSvg } from './view.js';

export interface LocaleHtmlInput {
  week: Week;
  metrics: Metrics;
  locale: Locale;
  t: Translate;
  charts: readonly RenderedChartSvg[];
  templates: TemplateFiles;
  paper: PaperSize;
  /** Skip font embedding (tests of the HTML alone). */
  embedFonts?: boolean;
  /** Keeps font subsets and precompiled templates. */
  cache?: Cache | undefined;
  /** The firm's identity, from the config (through the inputs). */
  firm?: FirmIdentity | undefined;
}

export interface LocaleHtml {
  locale: Locale;
  title: string;
  html: string;
}

export async function renderLocaleHtml(input: LocaleHtmlInput): Promise<LocaleHtml> {
  const view = buildReportView(input);
  const render = await compileTemplates(input.templates, input.t, input.cache);
  const css = textOf(input.templates.css);
  const colors = input.firm?.colors;
  const page = renderHtml({ view, render, css, t: input.t, paper: input.paper, colors });
  let fontCss = '';
  if (input.embedFonts !== false) {
    const fonts = await buildFontCss(page, { cache: input.cache });
    // A character no bundled font has would print as a blank: refuse rather than print it.
    if (fonts.uncovered.length > 0) {
      const found = fonts.uncovered.map(describeCharacter).join(', ');
      throw new InvalidInputError(msg.fonts.noGlyphs(input.locale), [
        { file: `report.${input.locale}.html`, path: '', ...msg.fonts.uncovered(found) },
      ]);
    }
    fontCss = fonts.css;
  }
  return { locale: input.locale, title: view.title, html: insertFontCss(page, fontCss) };
}

function describeCharacter(c: string): string {
  return `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`;
}
