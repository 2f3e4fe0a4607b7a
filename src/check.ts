/**
 * What `capex-report validate` runs: the week file and both locale files, checked as a build
 * checks them (stages 1-4 without the templates), every problem at once.
 */
import { parseWeek } from './data/load.js';
import { findMarks, type LocatedMark, locateMarks } from './data/review.js';
import type { Week } from './data/schema.js';
import { validateTexts, validateWeek } from './data/validate.js';
import { readLocaleFiles } from './i18n/index.js';
import { assertLocaleParity } from './i18n/parity.js';
import { readWeekFile } from './inputs/load.js';
import { deriveMetrics } from './metrics/derive.js';
import type { Metrics } from './metrics/types.js';

export interface CheckOptions {
  localesDir?: string | undefined;
}

export interface CheckedWeek {
  week: Week;
  metrics: Metrics;
  /** Figures still carried for review and texts still in draft (new-week): warnings here. */
  marks: LocatedMark[];
}

export async function checkWeekFile(
  file: string,
  options: CheckOptions = {},
): Promise<CheckedWeek> {
  assertLocaleParity(readLocaleFiles(options.localesDir));
  const loaded = await parseWeek(await readWeekFile(file));
  const week = validateWeek(loaded, { glyphs: true });
  const metrics = deriveMetrics(week, { writtenDecimals: loaded.writtenDecimals });
  validateTexts(week, metrics, loaded);
  return { week, metrics, marks: locateMarks(loaded, findMarks(week)) };
}
