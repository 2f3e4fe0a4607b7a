/**
 * Figures as HTML: the localized number, its est./derived marks and a link to its numbered source.
 * All text goes through Handlebars' escaping; only the markup built here is trusted.
 */

import type { Locale, Source } from '../data/schema.js';
import { splitTokens } from '../data/tokens.js';
import { CapexReportError } from '../errors.js';
import { formatFigure } from '../format/index.js';
import { msg } from '../messages/index.js';
import type { Metrics, ResolvedFigure } from '../metrics/types.js';
import Handlebars from './handlebars.js';

const { escapeExpression } = Handlebars;

/** Source ids numbered in the order of the sources list: [1], [2], ... */
export type SourceNumbers = ReadonlyMap<string, number>;

export function numberSources(sources: readonly Source[]): SourceNumbers {
  return new Map(sources.map((s, i) => [s.id, i + 1]));
}

export interface FigureView {
  /** The number as printed, e.g. "about US$200 billion (est.)". */
  text: string;
  estimate: boolean;
  derived: boolean;
  /** Ready-made, escaped HTML: number, marks and source links. */
  html: Handlebars.SafeString;
}

export interface FigureContext {
  locale: Locale;
  metrics: Metrics;
  sourceNumbers: SourceNumbers;
}

function refLinks(figure: ResolvedFigure, ctx: FigureContext): string {
  return figure.sources
    .map((id) => ctx.sourceNumbers.get(id))
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b)
    .map((n) => `<a class="ref" href="#src-${n}">[${n}]</a>`)
    .join('');
}

export function figureView(
  figure: ResolvedFigure,
  ctx: FigureContext,
  style: 'prose' | 'compact' = 'prose',
  signed = false,
): FigureView {
  const text = formatFigure(figure, ctx.locale, { style, signed });
  const classes = ['fig', figure.estimate ? 'est' : '', figure.derived ? 'derived' : '']
    .filter(Boolean)
    .join(' ');
  // † marks a metric computed here; a capex estimate from a ratio sits in the data's own table.
  const dagger = figure.path === 'derived' ? '<span class="dagger">†</span>' : '';
  const html = `<span class="${classes}" data-fig="${escapeExpression(figure.id)}">${escapeExpression(text)}</span>${dagger}${refLinks(figure, ctx)}`;
  return {
    text,
    estimate: figure.estimate,
    derived: figure.derived,
    html: new Handlebars.SafeString(html),
  };
}

export function figureById(id: string, ctx: FigureContext): ResolvedFigure {
  const figure = ctx.metrics.figures.get(id);
  if (!figure) throw new CapexReportError(msg.render.noFigure(id));
  return figure;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z0-9$%+~<>\u2212\u2264\u2265]/;

/**
 * Chinese spacing at a figure's edges, decided from the characters that meet there: a space
 * between a Han character and a Latin letter or digit, none between two Han characters or next
 * to punctuation. (CSS text-autospace does not reach across the figure's own element.)
 */
function gap(before: string | undefined, after: string | undefined): string {
  if (before === undefined || after === undefined) return '';
  const mixed = (HAN.test(before) && LATIN.test(after)) || (LATIN.test(before) && HAN.test(after));
  return mixed ? ' ' : '';
}

function richZh(text: string, ctx: FigureContext): string {
  const parts = splitTokens(text).map((part) =>
    'token' in part
      ? { figure: figureView(figureById(part.token, ctx), ctx) }
      : { text: part.text },
  );
  let html = '';
  for (const [i, part] of parts.entries()) {
    if ('text' in part) {
      // The author's spaces next to a figure are replaced by the rule in gap().
      let literal = part.text;
      if (i > 0) literal = literal.replace(/^[ \t]+/, '');
      if (i < parts.length - 1) literal = literal.replace(/[ \t]+$/, '');
      const prev = parts[i - 1];
      const lead = prev && 'figure' in prev ? gap(prev.figure.text.at(-1), literal[0]) : '';
      const next = parts[i + 1];
      const trail = next && 'figure' in next ? gap(literal.at(-1), next.figure.text[0]) : '';
      html += lead + escapeExpression(literal) + trail;
    } else {
      html += part.figure.html.toString();
    }
  }
  return html;
}

/** Commentary with `[[id]]` tokens replaced by figures; the rest escaped. */
export function richText(text: string, ctx: FigureContext): Handlebars.SafeString {
  if (ctx.locale === 'zh-TW') return new Handlebars.SafeString(richZh(text, ctx));
  const html = splitTokens(text)
    .map((part) =>
      'token' in part
        ? figureView(figureById(part.token, ctx), ctx).html.toString()
        : escapeExpression(part.text),
    )
    .join('');
  return new Handlebars.SafeString(html);
}
