/** A figure against its source's words (`quote:`), see src/data/quotes/. */

import type { ProblemText } from '../errors.js';

/** The catalog's own view of the checker's types (the catalog imports nothing of the stages). */
type PrintedQualifier = 'approx' | 'over' | 'under' | 'up-to' | 'at-least' | undefined;
interface QualifierWord {
  kind: string;
  word: string;
}

const UNIT_WORDS: Record<string, string> = {
  'USD bn': 'US dollars (億美元, US$ … billion)',
  USD: 'US dollars (美元, US$)',
  '%': 'percent (%, 成)',
  bp: 'basis points (個基點, bp)',
  pts: 'index points (點, points)',
  count: 'a count (人, 名, or a bare number)',
  x: 'a multiple (倍, x)',
};

const QUALIFIER_WORDS: Record<NonNullable<PrintedQualifier>, string> = {
  approx: 'qualifier: approx',
  over: 'qualifier: over',
  under: 'qualifier: under',
  'up-to': 'qualifier: up-to',
  'at-least': 'kind: lower-bound with no qualifier ("at least")',
};
const describeQualifier = (q: PrintedQualifier) =>
  q === undefined ? 'no qualifier' : QUALIFIER_WORDS[q];

export const missing = (): ProblemText => ({
  expected: "the source's own words for this figure (quote:)",
  found: 'no quote',
  hint: 'copy the words the source gives the number, e.g. quote: "約 1,250 億美元"; only figures derived in code and estimateFrom entries (which carry a basis) go without one',
});

export const noNumber = (unit: string, quote: string): ProblemText => ({
  expected: `a number in ${UNIT_WORDS[unit]} in the quote`,
  found: JSON.stringify(quote),
  hint: 'quote the number with its unit, e.g. "140 億美元", "超過 10%", "小跌 1 個基點"',
});

export const valueOff = (
  expected: readonly string[],
  unit: string,
  words: readonly string[],
  found: string,
  sign: boolean,
): ProblemText => ({
  expected: `the value ${expected.join(' or ')} (${unit}), as the quote says ${words.map((w) => JSON.stringify(w)).join(', ')}`,
  found,
  ...(sign
    ? {
        hint: 'a fall or outflow (跌, 流出, fell) is negative; a level reached (跌至, fell to) is not',
      }
    : {}),
});

export const tooPrecise = (maxDecimals: number, words: string, decimals: number): ProblemText => ({
  expected: `at most ${maxDecimals} decimal${maxDecimals === 1 ? '' : 's'}, the digits the quote writes (${JSON.stringify(words)})`,
  found: `${decimals} decimals`,
  hint: 'a figure keeps the precision its source wrote: 140 億 is 14.0, 21 億 is 2.1',
});

export const qualifierOff = (
  allowed: readonly PrintedQualifier[],
  word: QualifierWord | undefined,
  found: PrintedQualifier,
): ProblemText => ({
  expected: `${allowed.map(describeQualifier).join(' or ')}, as the quote ${word ? `says ${JSON.stringify(word.word)}` : 'has no 約, 逾, 近, 上看, about, over or up to'}`,
  found: describeQualifier(found),
});
