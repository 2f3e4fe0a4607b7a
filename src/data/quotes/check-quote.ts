/**
 * One figure against its quote: the figure must say what the source's words say, no more. Its
 * value equals the quote's number in the figure's unit (140 億美元 is 14.0 USD bn; 淨流出 20.3
 * 億美元 is −2.03), its written digits are no finer than the quote's (14.0, not 14.00), and its
 * qualifier is the one the quote's words allow (約 → approx; see ALLOWED in words.ts).
 */
import {
  type Decimal,
  decimalsOf,
  stripTrailingZeros,
  toDecimal,
  toPlainString,
} from '../../format/decimal.js';
import type { Kind, Qualifier, Unit } from '../schema.js';
import { type QuotedNumber, type QuoteUnit, readQuote } from './read-quote.js';
import { ALLOWED, type PrintedQualifier, printedQualifier, type QualifierWord } from './words.js';

export interface QuotedFigure {
  value: number;
  unit: Unit;
  kind: Kind;
  qualifier?: Qualifier | undefined;
  /** Decimals as written in the data when YAML drops them (`14.0` → 1). */
  decimals?: number | undefined;
  quote: string;
}

export type QuoteProblem =
  | { problem: 'no-number'; unit: Unit }
  | { problem: 'value'; expected: string[]; found: string; words: string[]; sign: boolean }
  | { problem: 'precision'; maxDecimals: number; decimals: number; words: string }
  | {
      problem: 'qualifier';
      allowed: readonly PrintedQualifier[];
      word: QualifierWord | undefined;
      found: PrintedQualifier;
    };

/** The quote units a figure unit reads, and the figure unit in powers of ten of the base unit. */
const READS: Record<Unit, { units: readonly QuoteUnit[]; exp: number }> = {
  'USD bn': { units: ['usd', 'amount'], exp: 9 },
  USD: { units: ['usd', 'amount'], exp: 0 },
  '%': { units: ['percent'], exp: 0 },
  bp: { units: ['bp'], exp: 0 },
  pts: { units: ['points'], exp: 0 },
  count: { units: ['count', 'none', 'amount'], exp: 0 },
  x: { units: ['multiple'], exp: 0 },
};

function sameNumber(a: Decimal, b: Decimal): boolean {
  const x = stripTrailingZeros(a);
  const y = stripTrailingZeros(b);
  return x.negative === y.negative && x.coefficient === y.coefficient && x.exponent === y.exponent;
}

/** The figure's finest written digit, in powers of ten of the base unit. */
function figureQuantum(figure: QuotedFigure, exp: number): number {
  const decimals = figure.decimals ?? decimalsOf(figure.value);
  if (decimals > 0) return exp - decimals;
  // An integer's trailing zeros do not say how exact it is: 200 may be 兩千億 (one digit).
  return exp + Math.max(0, stripTrailingZeros(toDecimal(figure.value)).exponent);
}

/** `−14.0`: the quote's number in the figure's unit, with the digits the quote wrote. */
function inUnit(d: Decimal, exp: number): string {
  return `${d.negative ? '\u2212' : ''}${toPlainString(d, -exp)}`;
}

function against(figure: QuotedFigure, quoted: QuotedNumber, exp: number): QuoteProblem[] {
  const out: QuoteProblem[] = [];
  if (figureQuantum(figure, exp) < quoted.quantum) {
    out.push({
      problem: 'precision',
      maxDecimals: Math.max(0, exp - quoted.quantum),
      decimals: figure.decimals ?? decimalsOf(figure.value),
      words: quoted.text,
    });
  }
  const allowed = ALLOWED[quoted.qualifier?.kind ?? 'none'];
  const found = printedQualifier(figure.qualifier, figure.kind);
  if (!allowed.includes(found)) {
    out.push({ problem: 'qualifier', allowed, word: quoted.qualifier, found });
  }
  return out;
}

/**
 * A source's sentence may hold several numbers in the figure's unit ("1.95 美元對比預期的 1.97
 * 美元"): the figure is the one it equals, and is checked against that one's digits and words.
 */
export function checkQuote(figure: QuotedFigure): QuoteProblem[] {
  const { units, exp } = READS[figure.unit];
  const numbers = readQuote(figure.quote).filter((n) => units.includes(n.unit));
  if (numbers.length === 0) return [{ problem: 'no-number', unit: figure.unit }];
  const value = toDecimal(figure.value);
  const absolute = { ...value, exponent: value.exponent + exp };
  const equal = numbers.filter((n) => sameNumber(absolute, n.value));
  if (equal.length === 0) {
    return [
      {
        problem: 'value',
        expected: numbers.map((n) => inUnit(n.value, exp)),
        found: String(figure.value).replace('-', '\u2212'),
        words: numbers.map((n) => n.text),
        // Only the sign is off: the words (流出, 跌) decide it.
        sign: numbers.some((n) =>
          sameNumber({ ...absolute, negative: !absolute.negative }, n.value),
        ),
      },
    ];
  }
  const checked = equal.map((n) => against(figure, n, exp));
  return checked.find((problems) => problems.length === 0) ?? checked[0] ?? [];
}
