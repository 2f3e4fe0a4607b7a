/**
 * One language's complete HTML page: view → templates → fonts subset to the page's characters.
 */
import type { Locale, Week } from '../data/schema.js';
import { buildFontCss } from '../fonts/subset.js';
import type { Translate } from '../i18n/index.js';
import type { Metrics } from '../metrics/types.js';
import { insertFontCss, renderHtml } from './html.js';
import type { PaperSize } from './page-css.js';
import { compileTemplates, type TemplateSources } from './templates.js';
import { buildReportView, type ChartView } from './view.js';

export interface LocaleHtmlInput {
  week: Week;
  metrics: Metrics;
  locale: Locale;
  t: Translate;
  charts: readonly ChartView[];
  templates: TemplateSources;
  paper: PaperSize;
  /** Skip font embedding (tests of the HTML alone). */
  embedFonts?: boolean;
}

export interface LocaleHtml {
  locale: Locale;
  title: string;
  html: string;
}

export async function renderLocaleHtml(input: LocaleHtmlInput): Promise<LocaleHtml> {
  const view = buildReportView(input);
  const render = compileTemplates(input.templates, input.t);
  const page = renderHtml({
    view,
    render,
    sources: input.templates,
    t: input.t,
    paper: input.paper,
  });
  const fontCss = input.embedFonts === false ? '' : (await buildFontCss(page)).css;
  return { locale: input.locale, title: view.title, html: insertFontCss(page, fontCss) };
}
