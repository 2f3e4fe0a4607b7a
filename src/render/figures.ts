/**
 * Figures as HTML: the localized number, its est./derived marks and a link to its numbered source.
 * All text goes through Handlebars' escaping; only the markup built here is trusted.
 */
import Handlebars from 'handlebars';
import type { Locale, Source } from '../data/schema.js';
import { splitTokens } from '../data/tokens.js';
import { formatFigure } from '../format/index.js';
import type { Metrics, ResolvedFigure } from '../metrics/types.js';

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
  const dagger =
    figure.derived && !figure.id.includes('.capex.') ? '<span class="dagger">†</span>' : '';
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
  if (!figure) throw new Error(`No figure with id "${id}"`);
  return figure;
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff00-\\uffef';
const SPACE_BEFORE_TOKEN = new RegExp(`([${CJK}])[ \\t]+(?=\\[\\[)`, 'gu');
const SPACE_AFTER_TOKEN = new RegExp(`(\\]\\])[ \\t]+(?=[${CJK}])`, 'gu');

/**
 * In Chinese, the space an author leaves around a token would print as a gap between two Chinese
 * characters; CSS text-autospace already spaces CJK from Latin and digits.
 */
function tightenCjk(text: string, locale: Locale): string {
  if (locale !== 'zh-TW') return text;
  return text.replace(SPACE_BEFORE_TOKEN, '$1').replace(SPACE_AFTER_TOKEN, '$1');
}

/** Commentary with `[[id]]` tokens replaced by figures; the rest escaped. */
export function richText(text: string, ctx: FigureContext): Handlebars.SafeString {
  const html = splitTokens(tightenCjk(text, ctx.locale))
    .map((part) =>
      'token' in part
        ? figureView(figureById(part.token, ctx), ctx).html.toString()
        : escapeExpression(part.text),
    )
    .join('');
  return new Handlebars.SafeString(html);
}
