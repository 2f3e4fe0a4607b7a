/**
 * The numbers a reader sees, with their units, normalised across languages: "2,000 億美元" and
 * "US$200B" are both `200 bn`. Used to prove both languages print the same figures.
 */
import type { Locale } from '../../src/data/schema.js';

const NUM = String.raw`([+\u2212-]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)`;

const num = (sign: string, digits: string) =>
  (sign === '\u2212' || sign === '-' ? -1 : 1) * Number(digits.replace(/,/g, ''));
const key = (value: number, unit: string) => `${Number(value.toPrecision(10))} ${unit}`;

type Rule = [RegExp, (m: RegExpMatchArray) => string];

const EN: Rule[] = [
  [
    new RegExp(
      `${NUM.replace('\\s*', '\\s*US\\$')}\\s*(trillion|billion|million|T\\b|B\\b|M\\b)?`,
      'g',
    ),
    (m) => {
      const scale = { trillion: 1000, T: 1000, billion: 1, B: 1, million: 0.001, M: 0.001 }[
        m[3] ?? ''
      ] as number | undefined;
      const v = num(m[1] ?? '', m[2] ?? '');
      return scale === undefined ? key(v, 'USD') : key(v * scale, 'bn');
    },
  ],
  [new RegExp(`${NUM}\\s*bp\\b`, 'g'), (m) => key(num(m[1] ?? '', m[2] ?? ''), 'bp')],
  [new RegExp(`${NUM}%`, 'g'), (m) => key(num(m[1] ?? '', m[2] ?? ''), '%')],
  [new RegExp(`${NUM}×`, 'g'), (m) => key(num(m[1] ?? '', m[2] ?? ''), 'x')],
  [new RegExp(`${NUM}\\s*points?\\b`, 'g'), (m) => key(num(m[1] ?? '', m[2] ?? ''), 'pts')],
];

const ZH: Rule[] = [
  [
    new RegExp(`${NUM}\\s*(兆|億|萬)?\\s*美元`, 'g'),
    (m) => {
      const scale = { 兆: 1000, 億: 0.1, 萬: 0.00001 }[m[3] ?? ''] as number | undefined;
      const v = num(m[1] ?? '', m[2] ?? '');
      return scale === undefined ? key(v, 'USD') : key(v * scale, 'bn');
    },
  ],
  [new RegExp(`${NUM}\\s*個基點`, 'g'), (m) => key(num(m[1] ?? '', m[2] ?? ''), 'bp')],
  [new RegExp(`${NUM}%`, 'g'), (m) => key(num(m[1] ?? '', m[2] ?? ''), '%')],
  [new RegExp(`${NUM}\\s*倍`, 'g'), (m) => key(num(m[1] ?? '', m[2] ?? ''), 'x')],
  [new RegExp(`${NUM}\\s*點`, 'g'), (m) => key(num(m[1] ?? '', m[2] ?? ''), 'pts')],
];

/** Sorted list of "value unit" for every number with a unit in the text. */
export function unitNumbers(text: string, locale: Locale): string[] {
  const out: string[] = [];
  let rest = text.replace(/\s+/g, ' ');
  // Both rule sets in both languages: a source title is printed in its own language in both reports.
  for (const [pattern, canon] of locale === 'zh-TW' ? [...ZH, ...EN] : [...EN, ...ZH]) {
    rest = rest.replace(pattern, (...args) => {
      out.push(canon(args as unknown as RegExpMatchArray));
      return ' ';
    });
  }
  return out.sort();
}

/** Visible text of an HTML page: no tags, styles or entities. */
export function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
}
