/**
 * Words around a number: how the source qualified it ("about", "more than") and the estimate
 * mark. Tables and chart labels say it in words too, as a reader expects ("約", "最高", "about",
 * "up to"), never in symbols ("~", "≤"), which read as notation. Chinese keeps a space between
 * the word and the numeral, as the rest of the report does between CJK text and numbers
 * ("約 2,000 億美元", "2026 年第 6 週").
 */
import type { Kind, Locale, Qualifier } from '../data/schema.js';
import type { Style } from './types.js';

type Wording = Qualifier | 'at-least';

const PROSE: Record<Locale, Record<Wording, string>> = {
  en: {
    approx: 'about ',
    over: 'more than ',
    under: 'less than ',
    'up-to': 'up to ',
    'at-least': 'at least ',
  },
  'zh-TW': { approx: '約 ', over: '逾 ', under: '不到 ', 'up-to': '最高 ', 'at-least': '至少 ' },
};

/** Tables and chart labels: the same words, English a shorter "over" / "under". */
const COMPACT: Record<Locale, Record<Wording, string>> = {
  en: { ...PROSE.en, over: 'over ', under: 'under ' },
  'zh-TW': PROSE['zh-TW'],
};

/**
 * A source's "more than" qualifies a size: "fell more than 10%" is −10 with `over`. Put before a
 * negative number, "more than −10%" would say the opposite, so the words follow the number line.
 */
const NEGATIVE_PROSE: Record<Locale, Partial<Record<Wording, string>>> = {
  en: { over: 'below ', under: 'above ', 'up-to': 'no lower than ' },
  'zh-TW': { over: '低於 ', under: '高於 ', 'up-to': '不低於 ' },
};
const NEGATIVE_COMPACT: Record<Locale, Partial<Record<Wording, string>>> = NEGATIVE_PROSE;

/**
 * The word (with its trailing space) that goes before a number. A `lower-bound` figure
 * without a qualifier of its own reads "at least"; an explicit qualifier wins. For a negative
 * number, size qualifiers read along the number line (see NEGATIVE_PROSE).
 */
export function qualifierWord(
  q: Qualifier | undefined,
  kind: Kind,
  locale: Locale,
  style: Style = 'prose',
  negative = false,
): string {
  const wording: Wording | undefined = q ?? (kind === 'lower-bound' ? 'at-least' : undefined);
  if (wording === undefined) return '';
  if (negative) {
    const flipped =
      style === 'compact' ? NEGATIVE_COMPACT[locale][wording] : NEGATIVE_PROSE[locale][wording];
    if (flipped !== undefined) return flipped;
  }
  return (style === 'compact' ? COMPACT : PROSE)[locale][wording];
}

/** Appended to an estimate: " (est.)" / "（估）" (full-width brackets, no space, in Chinese). */
export function estimateMark(locale: Locale): string {
  return locale === 'en' ? ' (est.)' : '（估）';
}
