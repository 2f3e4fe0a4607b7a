/**
 * The build under bad input and faults (issue 15): limits, ranges, the environment, the page
 * width, the browser's start and the second Ctrl-C.
 */
import type { ProblemText } from '../errors.js';

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;
const mebibytes = (n: number) => `${(n / 1024 / 1024).toLocaleString('en-US')} MiB`;

// Limits (data/limits.ts, inputs/load.ts).
export const fileTooLarge = (max: number, size: number | undefined): ProblemText => ({
  expected: `a week file of at most ${mebibytes(max)} (${bytes(max)})`,
  found: size === undefined ? `more than ${bytes(max)}` : bytes(size),
  hint: 'a week this large is surely not one week of data: check that the right file was given',
});
export const tooManyYears = (max: number, found: number): ProblemText => ({
  expected: `capex for at most ${max} years`,
  found: `${found} years`,
});

// Derived figures the data cannot give (metrics/not-computed.ts, data/text-rules.ts).
export const noFigure = (names: readonly string[]) => `there is no ${names.join(' and no ')}`;
/** A divisor that is 0 or below: `name` is the input, in words. */
export const badDivisor = (name: string, value: number) =>
  value === 0
    ? `${name} is 0, and the figure divides by it`
    : `${name} is ${value}, and the figure divides by it: only a value above 0 gives a meaningful one`;
export const estimatedFromPlan = (company: string, prior: string, year: string) =>
  `${company}'s ${prior} capex is estimated from its ${year} plan: a growth rate would only restate the assumed ratio`;
export const incompleteTotal = (
  year: string,
  missing: readonly string[],
  estimated: readonly string[],
) =>
  [
    `a ${year} total needs every company's ${year} capex, none estimated`,
    missing.length > 0 ? `; there is none for ${missing.join(', ')}` : '',
    estimated.length > 0
      ? `; ${estimated.join(', ')} ${estimated.length === 1 ? 'is' : 'are'} estimated`
      : '',
  ].join('');
export const notComputedToken = (token: string, why: string): ProblemText => ({
  expected: 'a token [[id]] naming a figure of this week',
  found: `${token}, a figure the data cannot give (${why})`,
  hint: 'give the figure its inputs, or take the token out',
});
export const notComputedInput = (id: string, why: string): ProblemText => ({
  expected: `an input from which ${id} can be computed (a text names it)`,
  found: why,
});
export const derivedOutOfRange = (
  id: string,
  formula: string,
  range: ProblemText,
): ProblemText => ({
  expected: `inputs from which ${id} (${formula}) comes out as ${range.expected}`,
  found: `${id} = ${range.found}`,
  hint: "check the inputs' values and units",
});

