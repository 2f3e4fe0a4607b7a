/**
 * Which characters a page can print, from its HTML source rather than its visible text: the
 * running header and footer live in CSS (`content: "第 " counter(page) " 頁"`) and the charts are
 * inline SVG, and both need their glyphs. Character references and CSS escapes are decoded, and a
 * few characters the browser generates itself (page numbers, hyphens, ellipses) are always kept.
 */

/** Printable ASCII (page counters, digits, punctuation) and what layout can generate. */
export const ALWAYS_KEPT = `${String.fromCharCode(
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

/** A code point a subset is asked for: controls print nothing and would only carry .notdef. */
function printable(code: number): boolean {
  return code >= 0x20 && !(code >= 0x7f && code < 0xa0);
}

/**
 * Every character the page can print, once each, in code point order. A flag per BMP code unit
 * instead of a Set of code points: this runs over each page's whole HTML while Chromium starts.
 */
export function collectCharacters(text: string): string {
  const decoded = decodeReferences(text) + ALWAYS_KEPT;
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (let i = 0; i < decoded.length; i++) {
    const unit = decoded.charCodeAt(i);
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < decoded.length) {
      const low = decoded.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        astral.add(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        i += 1;
        continue;
      }
    }
    bmp[unit] = 1; // a lone surrogate stands for itself, as a string's iterator yields it
  }
  const codes: number[] = [];
  for (let code = 0; code < 0x10000; code++) if (bmp[code] && printable(code)) codes.push(code);
  codes.push(...[...astral].sort((a, b) => a - b));
  return String.fromCodePoint(...codes);
}
