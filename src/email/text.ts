/**
 * The week's prose as plain text for an e-mail: every `[[figure-id]]` token printed through
 * formatFigure, exactly as the PDF prints it (`[[id|abs]]` its size alone), without the PDF's
 * source links. Chinese gets the
 * report's spacing at a figure's edges (a space between a Han character and a Latin letter or
 * digit, none between two Han characters or next to punctuation: see render/figures.ts).
 */
import type { Locale } from '../data/schema.js';
import { splitTokens } from '../data/tokens.js';
import { CapexReportError } from '../errors.js';
import { formatFigure } from '../format/index.js';
import { msg } from '../messages/index.js';
import type { Metrics } from '../metrics/types.js';

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z0-9$%+~<>\u2212\u2264\u2265]/;

function gap(before: string | undefined, after: string | undefined): string {
  if (before === undefined || after === undefined) return '';
  const mixed = (HAN.test(before) && LATIN.test(after)) || (LATIN.test(before) && HAN.test(after));
  return mixed ? ' ' : '';
}

type Part = { literal: string; figure?: undefined } | { literal?: undefined; figure: string };

/** A text with its tokens replaced by the printed figures; line breaks folded into spaces. */
export function plainText(text: string, locale: Locale, metrics: Metrics): string {
  const parts = splitTokens(text.replace(/\s*\n\s*/g, ' ')).map((part): Part => {
    if ('text' in part) return { literal: part.text };
    const figure = metrics.figures.get(part.token);
    if (!figure) throw new CapexReportError(msg.render.noFigure(part.token));
    return { figure: formatFigure(figure, locale, { magnitude: part.variant === 'abs' }) };
  });
  if (locale === 'en') return parts.map((p) => p.literal ?? p.figure).join('');
  let out = '';
  for (const [i, part] of parts.entries()) {
    if (part.figure !== undefined) {
      out += part.figure;
      continue;
    }
    // The author's spaces next to a figure are replaced by the rule in gap().
    let literal = part.literal;
    if (i > 0) literal = literal.replace(/^[ \t]+/, '');
    if (i < parts.length - 1) literal = literal.replace(/[ \t]+$/, '');
    const lead = gap(parts[i - 1]?.figure?.at(-1), literal[0]);
    const trail = gap(literal.at(-1), parts[i + 1]?.figure?.[0]);
    out += lead + literal + trail;
  }
  return out;
}
