/** The sample week the chart tests render: real 2026-W06 figures, validated like any data file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWeekText } from '../../src/data/load.js';
import type { Week } from '../../src/data/schema.js';
import { validateWeek } from '../../src/data/validate.js';
import { deriveMetrics } from '../../src/metrics/derive.js';
import type { Metrics } from '../../src/metrics/types.js';

export const FIXTURE_WEEK = fileURLToPath(new URL('../fixtures/charts/week.yaml', import.meta.url));

export function loadFixture(): { week: Week; metrics: Metrics } {
  const loaded = parseWeekText(readFileSync(FIXTURE_WEEK, 'utf8'), FIXTURE_WEEK);
  const week = validateWeek(loaded);
  // As the build does: a figure prints the decimals it was written with (14.0 for 140 億).
  return { week, metrics: deriveMetrics(week, { writtenDecimals: loaded.writtenDecimals }) };
}
