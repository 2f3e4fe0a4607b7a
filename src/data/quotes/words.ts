/**
 * The words a source puts around a number to say how exact it is, and what each allows a figure
 * to say. A quote without such a word states the number plainly: its figure carries no qualifier.
 */
import type { Kind, Qualifier } from '../schema.js';

/** `nearly` (近, 接近, nearly) and `only` (僅, only) have no qualifier of their own in the data. */
export type QuoteQualifier = 'approx' | 'over' | 'under' | 'up-to' | 'at-least' | 'nearly' | 'only';

export interface QualifierWord {
  kind: QuoteQualifier;
  /** As the quote writes it: "約", "逾", "more than". */
  word: string;
}

const BEFORE: Record<QuoteQualifier, readonly string[]> = {
  approx: [
    '大約',
    '約為',
    '約莫',
    '大概',
    '約',
    'approximately',
    'about',
    'around',
    'roughly',
    'circa',
    'near',
    '~',
  ],
  nearly: ['將近', '接近', '逼近', '幾乎', '近', 'nearly', 'almost', 'close to'],
  over: [
    '超過',
    '超逾',
    '多於',
    '高於',
    '不止',
    '逾',
    'more than',
    'over',
    'above',
    'in excess of',
    'upwards of',
  ],
  under: [
    '不到',
    '未滿',
    '未達',
    '少於',
    '低於',
    '不足',
    'less than',
    'fewer than',
    'under',
    'below',
  ],
  'up-to': ['上看', '最高', '最多', '至多', 'up to', 'as much as', 'as many as'],
  'at-least': ['至少', '最少', '起碼', 'at least', 'no less than'],
  only: ['僅有', '只有', '僅', '只', 'only', 'just'],
};

const AFTER: Partial<Record<QuoteQualifier, readonly string[]>> = {
  approx: ['左右', '上下'],
  over: ['以上', '有餘', 'or more', 'plus'],
  under: ['以下', '未滿'],
  'up-to': ['以內'],
};

const byLength = (table: Partial<Record<QuoteQualifier, readonly string[]>>) =>
  Object.entries(table)
    .flatMap(([kind, words]) =>
      (words ?? []).map((word) => ({ kind: kind as QuoteQualifier, word })),
    )
    .sort((a, b) => b.word.length - a.word.length);
const BEFORE_WORDS = byLength(BEFORE);
const AFTER_WORDS = byLength(AFTER);

const LATIN = /[a-z]/i;
/** A Latin word must stand alone: "cover" does not end with the word "over". */
const alone = (before: string | undefined, after: string | undefined) =>
  !LATIN.test(before ?? '') && !LATIN.test(after ?? '');

function ending(text: string, words: readonly QualifierWord[]): QualifierWord | undefined {
  const t = text.trimEnd().toLowerCase();
  return words.find(
    ({ word }) =>
      t.endsWith(word) && (!LATIN.test(word[0] ?? '') || alone(t.at(-word.length - 1), '')),
  );
}

function starting(text: string, words: readonly QualifierWord[]): QualifierWord | undefined {
  const t = text.trimStart().toLowerCase();
  return words.find(
    ({ word }) =>
      t.startsWith(word) && (!LATIN.test(word.at(-1) ?? '') || alone('', t[word.length])),
  );
}

/** The qualifier ending the text before a number ("淨流入約 " → 約), if any. */
export const qualifierBefore = (lead: string) => ending(lead, BEFORE_WORDS);
/** The qualifier opening a clause ("約貢獻了 Amazon 60%": 約 qualifies the clause's number). */
export const qualifierAtStart = (clause: string) => starting(clause, BEFORE_WORDS);
/** The qualifier right after a number and its unit ("10 億美元以上" → 以上), if any. */
export const qualifierAfter = (trail: string) => starting(trail, AFTER_WORDS);

/** How a figure qualifies itself when printed: its qualifier, or "at least" for a lower bound. */
export type PrintedQualifier = Qualifier | 'at-least' | undefined;

export function printedQualifier(qualifier: Qualifier | undefined, kind: Kind): PrintedQualifier {
  return qualifier ?? (kind === 'lower-bound' ? 'at-least' : undefined);
}

/**
 * What each wording allows. "Nearly 10" is a little under 10: `under` says exactly that and
 * `approx` says less, so both are honest; a plain or "over" figure would say more than the source.
 * "Only" (僅) stresses a number without qualifying it. "At least" and "over" differ (≥ and >).
 */
export const ALLOWED: Record<QuoteQualifier | 'none', readonly PrintedQualifier[]> = {
  none: [undefined],
  only: [undefined],
  approx: ['approx'],
  nearly: ['approx', 'under'],
  over: ['over'],
  under: ['under'],
  'up-to': ['up-to'],
  'at-least': ['at-least'],
};
