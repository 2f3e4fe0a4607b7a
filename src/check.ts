/** Load + validate a week file and the locale files: what `capex-report validate` runs. */
import { loadWeek } from './data/load.js';
import type { Week } from './data/schema.js';
import { validateWeek } from './data/validate.js';

export async function checkWeekFile(file: string): Promise<Week> {
  const loaded = await loadWeek(file);
  return validateWeek(loaded);
}
