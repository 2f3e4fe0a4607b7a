/**
 * Numerals as a source writes them, Arabic or Chinese: `1,250`, `314.6`, `兩千`, `一萬兩千`,
 * `兩千零五十`, `十五`, and Arabic digits with a Chinese scale (`1.6 萬`, `2,000 億`, `5 千萬`).
 * Each numeral keeps its exact value and the place of its last written digit (its quantum):
 * `140 億` is 14,000,000,000 written to the 億 (10^8), `兩千億` to the 千億 (10^11).
 */
import type { Decimal } from '../../format/decimal.js';

export interface Numeral {
  /** Exact, never negative (signs come from the words around it). */
  value: Decimal;
  /** The last written digit stands for 10^quantum: `1.6 萬` → 3, `140` → 0, `十` → 1. */
  quantum: number;
  /** Where it sits in the text (code unit offsets, `end` exclusive, scale characters included). */
  start: number;
  end: number;
  /** Written in Chinese numerals (兩千, 一): such a number counts only with a unit after it. */
  chinese: boolean;
  /** Written with 萬, 億 or 兆: an amount even without a unit word (27.5 億). */
  scaled: boolean;
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  兩: 2,
  两: 2,
  貳: 2,
  三: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
/** 十, 百, 千 inside a section of four digits. */
const SMALL_UNITS: Record<string, number> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
/** 萬, 億, 兆 close a section. */
const BIG_UNITS: Record<string, number> = { 萬: 4, 万: 4, 億: 8, 亿: 8, 兆: 12 };
const SCALE: Record<string, number> = { ...SMALL_UNITS, ...BIG_UNITS };

const CHINESE_RUN = new RegExp(
  `[${Object.keys({ ...DIGITS, ...SMALL_UNITS, ...BIG_UNITS }).join('')}]+`,
  'gu',
);
/** `1,250` (groups of exactly three) or `1250`, with decimals; never the `2` of `12`. */
const ARABIC = /(?<![\d.])(?<!\d,)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])/gu;
/** Chinese scale characters right after Arabic digits: `1.6 萬`, `2,000 億`, `5 千萬`. */
const SCALE_AFTER = new RegExp(`^\\s*([${Object.keys(SCALE).join('')}]+)`, 'u');

function decimalOf(digits: string, exponent: number): Decimal {
  return { negative: false, coefficient: BigInt(digits), exponent };
}

function readArabic(match: RegExpMatchArray, text: string): Numeral {
  const written = match[0].replace(/,/g, '');
  const [int = '', frac = ''] = written.split('.');
  const start = match.index ?? 0;
  let end = start + match[0].length;
  let shift = 0;
  const scale = SCALE_AFTER.exec(text.slice(end));
  if (scale?.[1]) {
    for (const c of scale[1]) shift += SCALE[c] ?? 0;
    end += scale[0].length;
  }
  const exponent = shift - frac.length;
  const scaled = [...(scale?.[1] ?? '')].some((c) => c in BIG_UNITS);
  return {
    value: decimalOf(int + frac, exponent),
    quantum: exponent,
    start,
    end,
    chinese: false,
    scaled,
  };
}

/** Digits placed so far: each digit with the power of ten it stands for. */
type Placed = { digit: number; exp: number }[];

/**
 * `兩千零五十` → 2050 (quantum 1); `一萬二` → 12000 (the colloquial trailing digit takes the next
 * lower place, quantum 3); `十五` → 15; `一百零一` → 101; `萬億` multiplies.
 */
export function readChineseNumeral(run: string): { value: Decimal; quantum: number } | undefined {
  const done: Placed = [];
  let section: Placed = [];
  let pending: number | undefined;
  let lastSmall: number | undefined; // place of the last 十/百/千 in this section
  let zero = false; // a 零 since it: the next digit is a units digit
  let lastBig: number | undefined;
  let afterBig = false;
  /** A digit before a big unit or at the end: after 零 a units digit; after 千 the 百 (兩千五). */
  const flushPending = () => {
    if (pending === undefined) return;
    const exp = zero || lastSmall === undefined ? 0 : lastSmall - 1;
    section.push({ digit: pending, exp });
    pending = undefined;
  };
  for (const c of run) {
    const digit = DIGITS[c];
    if (digit !== undefined) {
      if (digit === 0) zero = true;
      else pending = digit;
      afterBig = false;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      section.push({ digit: pending ?? 1, exp: small });
      pending = undefined;
      lastSmall = small;
      zero = false;
      afterBig = false;
      continue;
    }
    const big = BIG_UNITS[c] ?? 0;
    flushPending();
    if (section.length === 0 && afterBig) {
      for (const p of done) p.exp += big; // 萬億 = 10^12
    } else {
      done.push(...section.map((p) => ({ digit: p.digit, exp: p.exp + big })));
    }
    section = [];
    lastSmall = undefined;
    zero = false;
    lastBig = big;
    afterBig = true;
  }
  // A trailing digit after 萬 with no unit of its own (`一萬二`) stands one place below it.
  if (pending !== undefined && lastSmall === undefined && !zero && lastBig !== undefined) {
    section.push({ digit: pending, exp: lastBig - 1 });
    pending = undefined;
  }
  flushPending();
  const all = [...done, ...section];
  if (all.length === 0) return zero ? { value: decimalOf('0', 0), quantum: 0 } : undefined;
  const quantum = Math.min(...all.map((p) => p.exp));
  const coefficient = all.reduce(
    (sum, p) => sum + BigInt(p.digit) * 10n ** BigInt(p.exp - quantum),
    0n,
  );
  return { value: { negative: false, coefficient, exponent: quantum }, quantum };
}

/** Every numeral of a text, in order. */
export function readNumerals(text: string): Numeral[] {
  const out: Numeral[] = [];
  for (const match of text.matchAll(ARABIC)) out.push(readArabic(match, text));
  for (const match of text.matchAll(CHINESE_RUN)) {
    const start = match.index ?? 0;
    if (out.some((n) => start >= n.start && start < n.end)) continue; // a scale after digits
    const read = readChineseNumeral(match[0]);
    const scaled = [...match[0]].some((c) => c in BIG_UNITS);
    if (read) out.push({ ...read, start, end: start + match[0].length, chinese: true, scaled });
  }
  return out.sort((a, b) => a.start - b.start);
}
