/** Load + validate a week file and the locale files: what `capex-report validate` runs. */
import { loadWeek } from './data/load.js';
import type { Week } from './data/schema.js';
import { validateWeek } from './data/validate.js';
import { assertLocaleParity } from './i18n/parity.js';

export interface CheckOptions {
  localesDir?: string;
}

export async function checkWeekFile(file: string, options: CheckOptions = {}): Promise<Week> {
  assertLocaleParity(options.localesDir);
  const loaded = await loadWeek(file);
  return validateWeek(loaded);
}
