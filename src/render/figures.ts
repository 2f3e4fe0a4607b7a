/**
 * Figures as HTML: the localized number in one unbreakable span (a number never leaves its unit
 * at a line end), and commentary whose `[[id]]` tokens become such spans. A paragraph cites its
 * sources once, at its end, bound to its last word so the mark never starts a line. All text
 * goes through Handlebars' escaping; only the markup built here is trusted.
 */

import type { Locale, Source } from '../data/schema.js';
import { splitTokens, type TokenVariant } from '../data/tokens.js';
import { CapexReportError } from '../errors.js';
import { formatFigure, type Style } from '../format/index.js';
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
  /** The number as printed, e.g. "about US$200 billion", "約 675 億美元（估）". */
  text: string;
  estimate: boolean;
  derived: boolean;
  /** Ready-made, escaped HTML: the number in its span. */
  html: Handlebars.SafeString;
}

export interface FigureContext {
  locale: Locale;
  metrics: Metrics;
  sourceNumbers: SourceNumbers;
}

export interface FigureOptions {
  style?: Style;
  signed?: boolean;
  /** The size without its sign (`[[id|abs]]`). */
  magnitude?: boolean;
}

export function figureView(
  figure: ResolvedFigure,
  ctx: FigureContext,
  options: FigureOptions = {},
): FigureView {
  const { style = 'prose', signed = false, magnitude = false } = options;
  const text = formatFigure(figure, ctx.locale, { style, signed, magnitude });
  const html = `<span class="fig${figure.estimate ? ' est' : ''}" data-fig="${escapeExpression(figure.id)}">${escapeExpression(text)}</span>`;
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

/** "[1][2]": links to the numbered sources, in list order. */
export function citationMarks(sourceNos: Iterable<number>): string {
  return [...new Set(sourceNos)]
    .sort((a, b) => a - b)
    .map((n) => `<a class="cite" href="#src-${n}">[${n}]</a>`)
    .join('');
}

/** The source numbers behind some figures. */
export function sourcesOf(figures: Iterable<ResolvedFigure>, ctx: FigureContext): number[] {
  const out = new Set<number>();
  for (const figure of figures) {
    for (const id of figure.sources) {
      const n = ctx.sourceNumbers.get(id);
      if (n !== undefined) out.add(n);
    }
  }
  return [...out].sort((a, b) => a - b);
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

/**
 * Literal Chinese text, escaped, with each written number kept on one line with the character
 * that counts it ("13 季", "2025 年", "10 月"): a line never ends between them.
 */
function literalHtml(text: string, locale: Locale): string {
  if (locale !== 'zh-TW') return escapeExpression(text);
  return text
    .split(/(\d[\d,.]*\s?\p{Script=Han})/u)
    .map((piece, i) =>
      i % 2 === 1
        ? `<span class="nobr">${escapeExpression(piece)}</span>`
        : escapeExpression(piece),
    )
    .join('');
}

type Piece = { text: string } | { figure: FigureView; ids: ResolvedFigure };

function piecesOf(text: string, ctx: FigureContext): Piece[] {
  return splitTokens(text).map((part) => {
    if ('text' in part) return { text: part.text };
    const figure = figureById(part.token, ctx);
    const variant: TokenVariant | undefined = part.variant;
    return { figure: figureView(figure, ctx, { magnitude: variant === 'abs' }), ids: figure };
  });
}

/** The author's spaces next to a Chinese figure are replaced by the rule in gap(). */
function spacedZh(pieces: Piece[]): Piece[] {
  return pieces.map((piece, i) => {
    if (!('text' in piece)) return piece;
    let literal = piece.text;
    if (i > 0) literal = literal.replace(/^[ \t]+/, '');
    if (i < pieces.length - 1) literal = literal.replace(/[ \t]+$/, '');
    const prev = pieces[i - 1];
    const lead = prev && 'figure' in prev ? gap(prev.figure.text.at(-1), literal[0]) : '';
    const next = pieces[i + 1];
    const trail = next && 'figure' in next ? gap(literal.at(-1), next.figure.text[0]) : '';
    return { text: lead + literal + trail };
  });
}

function pieceHtml(piece: Piece, locale: Locale): string {
  return 'text' in piece ? literalHtml(piece.text, locale) : piece.figure.html.toString();
}

/**
 * The last word of a text (English) or its last four characters (Chinese, so that a last line
 * is never one character and a mark): the run a citation mark is bound to.
 */
function splitLastWord(text: string, locale: Locale): [string, string] {
  const at =
    locale === 'zh-TW' ? Math.max(0, text.length - 4) : text.trimEnd().lastIndexOf(' ') + 1;
  return [text.slice(0, at), text.slice(at)];
}

export interface RichOptions {
  /** Cite the sources of the text's figures at its end (a paragraph of commentary). */
  cite?: boolean;
  /** Sources to cite at its end besides its figures' (a view, by the source that reports it). */
  sources?: readonly number[];
}

/** Commentary with `[[id]]` tokens replaced by figures; the rest escaped. */
export function richText(
  text: string,
  ctx: FigureContext,
  options: RichOptions = {},
): Handlebars.SafeString {
  const raw = piecesOf(text, ctx);
  const pieces = ctx.locale === 'zh-TW' ? spacedZh(raw) : raw;
  const figures = pieces.flatMap((p) => ('ids' in p ? [p.ids] : []));
  const cited = options.cite ? sourcesOf(figures, ctx) : [];
  const marks = citationMarks([...cited, ...(options.sources ?? [])]);
  if (marks === '')
    return new Handlebars.SafeString(pieces.map((p) => pieceHtml(p, ctx.locale)).join(''));
  const last = pieces.at(-1);
  const body = pieces.slice(0, -1).map((p) => pieceHtml(p, ctx.locale));
  let tail: string;
  if (last && 'text' in last) {
    const [head, word] = splitLastWord(last.text, ctx.locale);
    body.push(literalHtml(head, ctx.locale));
    tail = escapeExpression(word);
  } else tail = last ? pieceHtml(last, ctx.locale) : '';
  return new Handlebars.SafeString(`${body.join('')}<span class="nobr">${tail}${marks}</span>`);
}
