/**
 * The message catalog: every sentence capex-report says to a person (errors, the problems of a
 * bad input file, hints, progress and summaries) comes from a function here, one file per area,
 * as vega-lite keeps its `log/message.ts`. Code and tests call the same functions, so a test
 * asserts what the user reads without copying it, and a reworded message changes in one place.
 *
 * A problem entry returns a ProblemText (expected, found, hint): the caller adds where it is
 * (file, data path, line). Everything else returns a string.
 */
import * as input from './input.js';
import * as quotes from './quotes.js';
import * as traditional from './traditional.js';

export const msg = {
  input,
  quotes,
  traditional,
} as const;
