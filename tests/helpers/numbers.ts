/**
 * The numbers a reader sees, with their units, qualifiers and estimate marks, normalised across
 * languages: "約 2,000 億美元（估）", "~US$200B (est.)" and "about US$200 billion (est.)" are all
 * `~200 bn est`. Used to prove that both languages print the same figures, hedged the same way.
 */
import type { Locale } from '../../src/data/schema.js';

/** Qualifier words (prose and tables) and symbols of both languages, longest first, by meaning. */
const QUALIFIERS: [string, string][] = [
  ['no lower than ', '≥'],
  ['不低於', '≥'],
  ['at least ', '≥'],
  ['至少', '≥'],
  ['≥', '≥'],
  ['up to ', '≤'],
  ['最高', '≤'],
  ['≤', '≤'],
  ['more than ', '>'],
  ['over ', '>'],
  ['above ', '>'],
  ['高於', '>'],
  ['逾', '>'],
  ['>', '>'],
  ['less than ', '<'],
  ['under ', '<'],
  ['below ', '<'],
  ['低於', '<'],
  ['不到', '<'],
  ['<', '<'],
  ['about ', '~'],
  ['約', '~'],
  ['~', '~'],
];

const Q = '\u27e6'; // marks a normalised qualifier: ⟦>⟧
const EST = '\u27e6est\u27e7';

/** An English word counts only as a whole word ("over", not the end of "moreover"). */
const QUALIFIER_WORDS = new RegExp(
  QUALIFIERS.map(([word]) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return /^[a-z]/.test(word) ? `\\b${escaped}` : escaped;
  }).join('|'),
  'g',
);
const MEANING = new Map(QUALIFIERS);

/** One pass, so a marker's own symbol is never read as a qualifier again. */
function markQualifiers(text: string): string {
  return text
    .replace(/ \(est\.\)|（估）/g, EST)
    .replace(QUALIFIER_WORDS, (word) => `${Q}${MEANING.get(word)}\u27e7`);
}

const QUAL = String.raw`(?:\u27e6([~<>≤≥])\u27e7\s*)?`;
const SIGN_NUM = String.raw`([+\u2212-]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)`;
const ESTIMATE = String.raw`(\s*\u27e6est\u27e7)?`;

type Rule = [RegExp, (m: RegExpMatchArray) => [value: number, unit: string]];

const value = (m: RegExpMatchArray) =>
  (m[2] === '\u2212' || m[2] === '-' ? -1 : 1) * Number((m[3] ?? '').replace(/,/g, ''));

const RULES: Rule[] = [
  // English money: US$200B, US$31.46 billion, US$1.2 trillion, US$5 million, US$1.95
  [
    new RegExp(
      `${QUAL}([+\\u2212-]?)\\s*US\\$((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(trillion|billion|million|T\\b|B\\b|M\\b)?${ESTIMATE}`,
      'g',
    ),
    (m) => {
      const scale = { trillion: 1000, T: 1000, billion: 1, B: 1, million: 0.001, M: 0.001 }[
        m[4] ?? ''
      ];
      return scale === undefined ? [value(m), 'USD'] : [value(m) * scale, 'bn'];
    },
  ],
  // Chinese money: 2,000 億美元, 1.2 兆美元, 500 萬美元, 1.95 美元
  [
    new RegExp(`${QUAL}${SIGN_NUM}\\s*(兆|億|萬)?\\s*美元${ESTIMATE}`, 'g'),
    (m) => {
      const scale = { 兆: 1000, 億: 0.1, 萬: 0.00001 }[m[4] ?? ''];
      return scale === undefined ? [value(m), 'USD'] : [value(m) * scale, 'bn'];
    },
  ],
  [new RegExp(`${QUAL}${SIGN_NUM}\\s*(?:bp\\b|個基點)${ESTIMATE}`, 'g'), (m) => [value(m), 'bp']],
  [new RegExp(`${QUAL}${SIGN_NUM}%${ESTIMATE}`, 'g'), (m) => [value(m), '%']],
  [new RegExp(`${QUAL}${SIGN_NUM}\\s*(?:×|倍)${ESTIMATE}`, 'g'), (m) => [value(m), 'x']],
  [new RegExp(`${QUAL}${SIGN_NUM}\\s*(?:points?\\b|點)${ESTIMATE}`, 'g'), (m) => [value(m), 'pts']],
];

/**
 * Sorted list of "qualifier value unit [est]" for every number with a unit in the text. Both
 * languages' patterns apply to both texts: a source title prints in its own language in both.
 */
export function unitNumbers(text: string, _locale: Locale): string[] {
  const out: string[] = [];
  let rest = markQualifiers(text.replace(/\s+/g, ' '));
  // Estimate marks can follow the whole figure: "US$67.5 billion (est.)".
  rest = rest.replace(/(\d)\s+(?=\u27e6est)/g, '$1');
  for (const [pattern, read] of RULES) {
    rest = rest.replace(pattern, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpMatchArray;
      const [v, unit] = read(m);
      const est = m[m.length - 1] ? ' est' : '';
      out.push(`${m[1] ?? ''}${Number(v.toPrecision(10))} ${unit}${est}`);
      return ' ';
    });
  }
  return out.sort();
}

/**
 * Visible text of an HTML page: no tags, styles or entities. An inline element (a figure's span,
 * a citation's link) adds nothing between the texts around it; any other tag is a space.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<\/?(?:span|a)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
}
