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
  /** "Week ending 6 February 2026" */
  period: string;
  /** "Edition 1 · Issued 6 February 2026" */
  issue: string;
  /** "Edition 2, corrected: …" when the week says what a later edition corrected. */
  correction: string | null;
  view: Handlebars.SafeString | null;
  keyPoints: Handlebars.SafeString[];
  watch: Handlebars.SafeString[];
}

/**
 * A headline's phrases, each with the spaces after it: a phrase ends after Chinese punctuation
 * (，、：；) or a dash, or after a comma, colon or semicolon that a space follows (so "file://"
 * or "3:1" stay whole).
 */
const PHRASE = /.+?(?:[，、：；—]|[,:;](?=\s)|$)\s*/gsu;

/**
 * The headline as phrases that each keep to one line while they fit: a line breaks between
 * phrases ("…capex plans, / and Amazon's…"), never inside one, in Chinese as in English.
 */
export function headlineHtml(text: string, ctx: FigureContext): Handlebars.SafeString {
  const html = (text.match(PHRASE) ?? [])
    .map((phrase) => {
      const words = phrase.trimEnd();
      const space = phrase.slice(words.length) === '' ? '' : ' ';
      return `<span class="phrase">${richText(words, ctx).toString()}</span>${space}`;
    })
    .join('');
  return new Handlebars.SafeString(html.trimEnd());
}

export function buildFront(week: Week, ctx: FigureContext, t: Translate): FrontView {
  const { locale } = ctx;
  const { meta, text } = week;
  const rich = (value: Record<Locale, string>) => richText(value[locale], ctx);
  return {
    headline: headlineHtml(text.headline[locale], ctx),
    period: t('cover.weekEnding', { date: formatDate(meta.periodEnd, locale) }),
    issue: [
      t('cover.edition', { edition: meta.edition }),
      t('cover.issued', { date: formatDate(meta.issuedAt.slice(0, 10), locale) }),
    ].join(t('cover.separator')),
    correction: meta.correction
      ? t('cover.correction', { edition: meta.edition, note: meta.correction[locale] })
      : null,
    view: text.view ? rich(text.view) : null,
    keyPoints: text.keyPoints.map(rich),
    watch: text.watch.map(rich),
  };
}
