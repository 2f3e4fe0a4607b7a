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

// The browser's start (pdf/browser.ts, pdf/launch-failure.ts).
export const browserFailed = (file: string) =>
  `The browser started but stopped before it was ready (${file}): it crashed, was killed or timed out`;
export const browserNotAFile = (file: string) =>
  `The browser to print with is not a program but a folder (${file}); point --browser or PUPPETEER_EXECUTABLE_PATH at the executable`;
export const browserNotExecutable = (file: string) =>
  `The browser to print with cannot be executed (${file}): make it executable (chmod +x) or point --browser or PUPPETEER_EXECUTABLE_PATH at another`;

// Interrupts (cli/build.ts).
export const stoppingNow = (signal: string) =>
  `Stopped at once (${signal} again): the browser was killed and its profile removed; the previous output is untouched`;

// The environment, checked before the work (environment.ts).
export const environment =
  'The build cannot run here (nothing was done; fix this and run it again):';
/** What a folder's error code means; `at` is the part of the path that exists, when not all. */
export const folderFailure = (code: string, at?: string): string => {
  const where = at === undefined ? '' : ` (${at} is the nearest part that exists)`;
  const words: Record<string, string> = {
    ENOENT: 'does not exist',
    ENOTDIR: 'is not a folder',
    EACCES: 'is not writable (no permission)',
    EPERM: 'is not writable (not permitted)',
    EROFS: 'is on a read-only file system',
  };
  return `${words[code] ?? `cannot be used (${code})`}${where}`;
};
export const unusableTemp = (dir: string, fromEnv: boolean, why: string) =>
  `the temporary folder ${dir}${fromEnv ? ' (TMPDIR)' : ''} ${why}: the browser keeps its profile there; ${
    fromEnv ? 'set TMPDIR to a writable folder, or unset it' : 'make it a writable folder'
  }`;
export const unusableOutput = (dir: string, why: string) =>
  `the output folder ${dir} ${why}: choose a writable folder with --out (or paths.output in the config)`;

// A page wider than its paper (pdf/overflow.ts, pdf/overflow-problems.ts).
export const pageTooWide = (locale: string) =>
  `Could not print the ${locale} report: a text is wider than the page`;
export const tooWide = (widthMm: number, text: string, reachesMm: number): ProblemText => ({
  expected: `text that wraps within the page's ${widthMm} mm`,
  found: `${JSON.stringify(text)}, reaching ${reachesMm} mm (Chromium would shrink every page to fit it)`,
  hint: 'break the word or address with spaces, or shorten it',
});
