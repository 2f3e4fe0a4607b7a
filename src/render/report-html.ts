/**
 * One language's complete HTML page: view → templates → fonts subset to the page's characters.
 */
import type { Cache } from '../cache/index.js';
import { locateCharacters, printedTexts } from '../data/glyph-rules.js';
import type { LoadedWeek } from '../data/load.js';
import type { Locale, Week } from '../data/schema.js';
import { InvalidInputError } from '../errors.js';
import { buildFontCss } from '../fonts/subset.js';
import type { Translate } from '../i18n/index.js';
import { textOf } from '../inputs/files.js';
import type { FirmIdentity } from '../inputs/firm.js';
import type { TemplateFiles } from '../inputs/load.js';
import { locateProblems } from '../io/yaml.js';
import { msg } from '../messages/index.js';
import type { Metrics } from '../metrics/types.js';
import { markDraft } from './draft.js';
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
  /** Keeps font subsets. */
  cache?: Cache | undefined;
  /** DRAFT across every page (a week with marks of new-week, built with --draft). */
  draft?: boolean;
  /** The week file, to point a character no font has at its YAML line rather than the HTML. */
  source?: Pick<LoadedWeek, 'file' | 'locate'> | undefined;
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
  const render = await compileTemplates(input.templates, input.t);
  const css = textOf(input.templates.css);
  const colors = input.firm?.colors;
  const rendered = renderHtml({ view, render, css, t: input.t, paper: input.paper, colors });
  // Before the fonts: the watermark's characters must be in the subset.
  const page = input.draft ? markDraft(rendered, input.t('page.draft')) : rendered;
  let fontCss = '';
  if (input.embedFonts !== false) {
    const fonts = await buildFontCss(page, { cache: input.cache });
    // A character no bundled font has would print as a blank: refuse rather than print it.
    if (fonts.uncovered.length > 0) throw uncovered(input, fonts.uncovered);
    fontCss = fonts.css;
  }
  return { locale: input.locale, title: view.title, html: insertFontCss(page, fontCss) };
}

/** At the week's texts that hold them; a character from elsewhere (a locale file) at the HTML. */
function uncovered(input: LocaleHtmlInput, characters: readonly string[]): InvalidInputError {
  const { source, week, locale } = input;
  const texts = source ? printedTexts(week) : [];
  const elsewhere = characters.filter((c) => !texts.some((t) => t.text.includes(c)));
  const names = elsewhere.map(msg.fonts.characterName).join(', ');
  return new InvalidInputError(msg.fonts.noGlyphs(locale), [
    ...(source ? locateProblems(source, locateCharacters(week, characters)) : []),
    ...(names ? [{ file: `report.${locale}.html`, path: '', ...msg.fonts.uncovered(names) }] : []),
  ]);
}
