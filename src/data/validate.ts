/**
 * Stage 2, validate: the zod schema checks the shape, `rules.ts` the cross-field rules; every
 * problem is reported at once with file, data path, line and column, expected and found. The
 * texts' figure tokens are checked once the metrics are derived (validateTexts), against the
 * ids of the derived figures: nothing is derived twice.
 */
import { InvalidInputError, type Problem } from '../errors.js';
import { locateProblems } from '../io/yaml.js';
import { problemsFromIssues } from '../io/zod-problems.js';
import { msg } from '../messages/index.js';
import type { Metrics } from '../metrics/types.js';
import type { LoadedWeek } from './load.js';
import { bilingualTexts, checkRules } from './rules.js';
import { type Week, weekSchema } from './schema.js';
import { suggestField } from './suggest.js';
import { checkTexts } from './text-rules.js';

export function validateWeek(loaded: LoadedWeek): Week {
  const parsed = weekSchema.safeParse(loaded.data, { reportInput: true });
  const problems: Problem[] = parsed.success
    ? checkRules(parsed.data, loaded)
    : problemsFromIssues(parsed.error.issues, loaded, {
        suggest: suggestField,
        // A capex entry is a figure or, with `estimateFrom`, an estimate: report that branch.
        pickBranch: (input) =>
          typeof input === 'object' && input !== null && 'estimateFrom' in input ? 1 : 0,
      });
  refuse(loaded, problems);
  return parsed.data as Week;
}

/** Every token of the texts names a figure of `metrics`; both languages carry the same numbers. */
export function validateTexts(week: Week, metrics: Metrics, loaded: LoadedWeek): void {
  const ids = new Set(metrics.figures.keys());
  refuse(loaded, locateProblems(loaded, checkTexts(bilingualTexts(week), ids)));
}

function refuse(loaded: LoadedWeek, problems: readonly Problem[]): void {
  if (problems.length > 0) {
    throw new InvalidInputError(msg.week.invalid(loaded.file, problems.length), problems);
  }
}
