/**
 * Which characters a page can print, from its HTML source rather than its visible text: the
 * running header and footer live in CSS (`content: "第 " counter(page) " 頁"`) and the charts are
 * inline SVG, and both need their glyphs. Character references and CSS escapes are decoded, and a
 * few characters the browser generates itself (page numbers, hyphens, ellipses) are always kept.
 */

/** Printable ASCII (page counters, digits, punctuation) and what layout can generate. */
const ALWAYS_KEPT = `${String.fromCharCode(
  ...Array.from({ length: 95 }, (_, i) => 0x20 + i),
)}\u00a0\u00ad\u2010\u2011\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2212\u3001\u3002\uff0c`;

/** Named entities that our templates and Handlebars can produce (all else is written as UTF-8). */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  hellip: '\u2026',
  middot: '\u00b7',
  bull: '\u2022',
  times: '\u00d7',
  minus: '\u2212',
  plusmn: '\u00b1',
  deg: '\u00b0',
  le: '\u2264',
  ge: '\u2265',
  asymp: '\u2248',
  larr: '\u2190',
  rarr: '\u2192',
  uarr: '\u2191',
  darr: '\u2193',
  euro: '\u20ac',
  copy: '\u00a9',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
};

function fromCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** The text with HTML character references and CSS escapes (`\201C`) turned into characters. */
export function decodeReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED_ENTITIES[name] ?? whole)
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => fromCodePoint(Number.parseInt(hex, 16)));
}

/** Every character the page can print, once each, in code point order. */
export function collectCharacters(text: string): string {
  const unique = new Set<number>();
  for (const char of decodeReferences(text) + ALWAYS_KEPT) {
    const code = char.codePointAt(0);
    // Controls print nothing; a subset asked for them would only carry .notdef.
    if (code !== undefined && code >= 0x20 && !(code >= 0x7f && code < 0xa0)) unique.add(code);
  }
  return String.fromCodePoint(...[...unique].sort((a, b) => a - b));
}
