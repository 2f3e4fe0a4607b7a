/**
 * One language's complete HTML page: view → templates → fonts subset to the page's characters.
 */
import type { Locale, Week } from '../data/schema.js';
import { InvalidInputError } from '../errors.js';
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
  /** Disk cache for font subsets (see buildFontCss) and precompiled templates. */
  cacheDir?: string;
}

export interface LocaleHtml {
  locale: Locale;
  title: string;
  html: string;
}

export async function renderLocaleHtml(input: LocaleHtmlInput): Promise<LocaleHtml> {
  const view = buildReportView(input);
  const render = await compileTemplates(input.templates, input.t, input.cacheDir);
  const page = renderHtml({
    view,
    render,
    sources: input.templates,
    t: input.t,
    paper: input.paper,
  });
  let fontCss = '';
  if (input.embedFonts !== false) {
    const fonts = await buildFontCss(page, input.cacheDir ? { cacheDir: input.cacheDir } : {});
    // A character no bundled font has would print as a blank: refuse rather than print it.
    if (fonts.uncovered.length > 0) {
      throw new InvalidInputError(`Could not find glyphs for the ${input.locale} report`, [
        {
          file: `report.${input.locale}.html`,
          path: '',
          expected: 'characters that Inter or Noto Sans TC can print',
          found: fonts.uncovered
            .map(
              (c) =>
                `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`,
            )
            .join(', '),
          hint: 'replace the character in the data or locale file',
        },
      ]);
    }
    fontCss = fonts.css;
  }
  return { locale: input.locale, title: view.title, html: insertFontCss(page, fontCss) };
}
