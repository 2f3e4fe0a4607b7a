/**
 * The message catalog: every sentence capex-report says to a person (errors, the problems of a
 * bad input file, hints, progress and summaries) comes from a function here, one file per area,
 * as vega-lite keeps its `log/message.ts`. Code and tests call the same functions, so a test
 * asserts what the user reads without copying it, and a reworded message changes in one place.
 *
 * A problem entry returns a ProblemText (expected, found, hint): the caller adds where it is
 * (file, data path, line). Everything else returns a string.
 */
import * as archive from './archive.js';
import * as browser from './browser.js';
import * as build from './build.js';
import * as charts from './charts.js';
import * as cli from './cli.js';
import * as clients from './clients.js';
import * as config from './config.js';
import * as email from './email.js';
import * as faults from './faults.js';
import * as firm from './firm.js';
import * as fonts from './fonts.js';
import * as format from './format.js';
import * as input from './input.js';
import * as locales from './locales.js';
import * as output from './output.js';
import * as preview from './preview.js';
import * as progress from './progress.js';
import * as quotes from './quotes.js';
import * as render from './render.js';
import * as review from './review.js';
import * as schema from './schema.js';
import * as traditional from './traditional.js';
import * as week from './week.js';
import * as weekly from './weekly.js';

export const msg = {
  archive,
  browser,
  build,
  charts,
  cli,
  clients,
  config,
  email,
  faults,
  firm,
  fonts,
  format,
  input,
  locales,
  output,
  preview,
  progress,
  quotes,
  render,
  review,
  schema,
  traditional,
  week,
  weekly,
} as const;
