/**
 * A figure's quote read as a reader of the source reads it: each number with its unit, the words
 * that qualify it (約, 逾, 上看, about, over, up to) and the sign its words give it (流出, 跌,
 * fell). "小跌 0.03% 至 611.4 點" is −0.03 % and 611.4 points: a fall word signs the number it
 * comes before, not a level reached "to" (至, 到, to) after it.
 */
import type { Decimal } from '../../format/decimal.js';
import { type Numeral, readNumerals } from './numerals.js';
import { type QualifierWord, qualifierAfter, qualifierAtStart, qualifierBefore } from './words.js';

/**
 * What a number of the quote measures. `pp` (percentage points), `period` (13 個季度, 2025 年) and
 * `ordinal` (第五) numbers are never a figure's. `amount` is a number with 萬/億/兆 and no unit
 * word: "工業類……分別獲得 27.5 億" takes its currency from the sentence.
 */
export type QuoteUnit =
  | 'usd'
  | 'percent'
  | 'bp'
  | 'points'
  | 'multiple'
  | 'count'
  | 'amount'
  | 'pp'
  | 'period'
  | 'ordinal'
  | 'none';

export interface QuotedNumber {
  /** Signed, exact, in base units: US dollars, percent, basis points, points, times, items. */
  value: Decimal;
  /** The last written digit stands for 10^quantum base units. */
  quantum: number;
  unit: QuoteUnit;
  qualifier?: QualifierWord;
  /** The words as written, e.g. "逾 720 億美元", for messages. */
  text: string;
}

type UnitRule = { pattern: RegExp; unit: QuoteUnit; shift?: number };

/** Checked in order right after the number (and its Chinese scale): longer words first. */
const UNITS_AFTER: readonly UnitRule[] = [
  { pattern: /^(?:美元|美金)/u, unit: 'usd' },
  { pattern: /^(?:trillion|tn)\b\s*(?:US\s*dollars|dollars|USD)?/iu, unit: 'usd', shift: 12 },
  { pattern: /^(?:billion|bn|b)\b\s*(?:US\s*dollars|dollars|USD)?/iu, unit: 'usd', shift: 9 },
  { pattern: /^(?:million|mn|m)\b\s*(?:US\s*dollars|dollars|USD)?/iu, unit: 'usd', shift: 6 },
  { pattern: /^(?:US\s*dollars|dollars|USD)\b/iu, unit: 'usd' },
  { pattern: /^(?:%|percent\b|per\s*cent\b)/iu, unit: 'percent' },
  { pattern: /^成/u, unit: 'percent', shift: 1 },
  { pattern: /^(?:個)?基點|^(?:bps?|basis\s+points?)\b/iu, unit: 'bp' },
  { pattern: /^(?:個)?百分點|^percentage\s+points?\b/iu, unit: 'pp' },
  { pattern: /^(?:個)?(?:季度|季|月|年|週|周|星期|日|天|小時)/u, unit: 'period' },
  { pattern: /^(?:quarters?|years?|months?|weeks?|days?|hours?)\b/iu, unit: 'period' },
  { pattern: /^(?:點|points?\b|pts\b)/iu, unit: 'points' },
  { pattern: /^(?:倍|times\b|x\b|×)/iu, unit: 'multiple' },
  { pattern: /^(?:人|名|個|家|位|項|件|檔|座|台|臺)/u, unit: 'count' },
  { pattern: /^(?:jobs?|people|employees|workers|positions|staff)\b/iu, unit: 'count' },
];

/** "US$", "$", "USD" just before the number. */
const CURRENCY_BEFORE = /(?:US\s?\$|\$|USD\s?)\s*$/iu;
const MINUS_BEFORE = /[-\u2212\uFF0D]\s*$/u;
/** Words that make the number after them a fall or an outflow... */
const FALL =
  /流出|下跌|跌|下滑|下降|降|減少|衰退|\b(?:fell|falls?|fallen|dropped|drops?|declined?|declines|down|slipped|slid|outflows?)\b/giu;
/** ...unless the number is where it fell to. */
const TO = /至|到|\bto\b/giu;

function lastIndex(pattern: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(pattern)) at = m.index ?? at;
  return at;
}

function falls(lead: string): boolean {
  const fall = lastIndex(FALL, lead);
  return fall >= 0 && lastIndex(TO, lead) < fall;
}

/**
 * Between two numbers, only "and" or "or": the second shares the first's qualifier (約 247 美元和
 * 255 美元). Not "to": 跌 0.03% 至 611.4 點 is a move and a level, not a range.
 */
const COORDINATION = /^\s*(?:和|與|及|或|、|and|or)\s*$/iu;
/** Where a clause starts: a qualifier opening it (約貢獻了 Amazon 60%) qualifies its number. */
const CLAUSE_BREAK = /[，。；：！？,;:!?—]/gu;

function unitAfter(
  after: string,
  lead: string,
  n: Numeral,
): { unit: QuoteUnit; match: string; shift: number } {
  const rule = UNITS_AFTER.find((r) => r.pattern.test(after));
  const match = rule ? (rule.pattern.exec(after)?.[0] ?? '') : '';
  const currency = CURRENCY_BEFORE.test(lead);
  let unit: QuoteUnit = rule?.unit ?? (currency ? 'usd' : n.scaled ? 'amount' : 'none');
  if (currency && (rule?.unit === 'count' || rule === undefined)) unit = 'usd';
  if (/第\s*$/u.test(lead)) unit = 'ordinal';
  if (n.chinese && unit === 'none') unit = 'ordinal'; // 一 of 一方面: a word, not a number
  return { unit, match, shift: rule?.shift ?? 0 };
}

/** Units of a number that no figure measures: a word found before it waits for the next one. */
const NOT_A_FIGURE: readonly QuoteUnit[] = ['period', 'ordinal', 'pp'];

/** Every number of a quote, in order, with its unit, qualifier and sign. */
export function readQuote(quote: string): QuotedNumber[] {
  const text = quote.normalize('NFKC');
  const out: QuotedNumber[] = [];
  let from = 0;
  let opening: QualifierWord | undefined; // 約 opening a clause, until a number takes it
  for (const n of readNumerals(text)) {
    const raw = text.slice(from, n.start);
    const lead = raw.replace(CURRENCY_BEFORE, '');
    const rest = text.slice(n.end);
    const after = rest.trimStart();
    const { unit, match, shift } = unitAfter(after, raw, n);
    const clauseAt = lastIndex(CLAUSE_BREAK, lead);
    if (clauseAt >= 0 || out.length === 0) opening = qualifierAtStart(lead.slice(clauseAt + 1));
    const previous = out.at(-1);
    const figure = !NOT_A_FIGURE.includes(unit);
    const qualifier =
      (previous?.qualifier && COORDINATION.test(lead) ? previous.qualifier : undefined) ??
      qualifierBefore(lead) ??
      (figure ? opening : undefined) ??
      qualifierAfter(after.slice(match.length));
    if (figure) opening = undefined;
    const negative = n.value.coefficient !== 0n && (falls(lead) || MINUS_BEFORE.test(lead));
    const start = n.start - (raw.length - lead.length); // with its "US$"
    from = n.end + (rest.length - after.length) + match.length;
    out.push({
      value: { ...n.value, negative, exponent: n.value.exponent + shift },
      quantum: n.quantum + shift,
      unit,
      ...(qualifier ? { qualifier } : {}),
      text: text.slice(start, from).trim(),
    });
  }
  return out;
}
