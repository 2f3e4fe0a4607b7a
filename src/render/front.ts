/**
 * Page 1, the summary a client reads in a minute: the headline, the desk's view, the key points,
 * the key chart and what to watch, with the edition, the date and a correction's note.
 */
import type { Locale, Week } from '../data/schema.js';
import { formatDate } from '../format/index.js';
import type { Translate } from '../i18n/index.js';
import { type FigureContext, richText } from './figures.js';
import Handlebars from './handlebars.js';

export interface FrontView {
  headline: Handlebars.SafeString;
  /** "Week ending 6 February 2026", "Edition 1", "Issued 6 February 2026" */
  dates: string[];
  /** "Edition 2, corrected: …" when the week says what a later edition corrected. */
  correction: string | null;
  view: Handlebars.SafeString | null;
  keyPoints: Handlebars.SafeString[];
  watch: Handlebars.SafeString[];
}

/** Where a headline may break: after a comma, colon, semicolon or dash, in either script. */
const PHRASE_END = /(?<=[，、：；,:;—])\s*/u;

/**
 * The headline as phrases that each keep to one line while they fit: a line breaks between
 * phrases ("…capex plans, / and Amazon's…"), never inside one, in Chinese as in English.
 */
export function headlineHtml(text: string, ctx: FigureContext): Handlebars.SafeString {
  const phrases = text.split(PHRASE_END).filter((p) => p.trim() !== '');
  const joiner = ctx.locale === 'en' ? ' ' : '';
  const html = phrases
    .map((phrase) => `<span class="phrase">${richText(phrase.trim(), ctx).toString()}</span>`)
    .join(joiner);
  return new Handlebars.SafeString(html);
}

export function buildFront(week: Week, ctx: FigureContext, t: Translate): FrontView {
  const { locale } = ctx;
  const { meta, text } = week;
  const rich = (value: Record<Locale, string>) => richText(value[locale], ctx);
  return {
    headline: headlineHtml(text.headline[locale], ctx),
    dates: [
      t('cover.weekEnding', { date: formatDate(meta.periodEnd, locale) }),
      t('cover.edition', { edition: meta.edition }),
      t('cover.issued', { date: formatDate(meta.issuedAt.slice(0, 10), locale) }),
    ],
    correction: meta.correction
      ? t('cover.correction', { edition: meta.edition, note: meta.correction[locale] })
      : null,
    view: text.view ? rich(text.view) : null,
    keyPoints: text.keyPoints.map(rich),
    watch: text.watch.map(rich),
  };
}
