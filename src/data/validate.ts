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
import { checkGlyphs } from './glyph-rules.js';
import type { LoadedWeek } from './load.js';
import { checkDerivedRanges } from './ranges.js';
import { bilingualTexts, checkRules } from './rules.js';
import { type Week, weekSchema } from './schema.js';
import { suggestField } from './suggest.js';
import { checkTexts } from './text-rules.js';

export interface ValidateOptions {
  /**
   * Check every printed character against the fonts' character maps (`validate`; ~0.2 s to load
   * fontkit). A build finds them while embedding the fonts, and points at the YAML just the same.
   */
  glyphs?: boolean;
}

export function validateWeek(loaded: LoadedWeek, options: ValidateOptions = {}): Week {
  const parsed = weekSchema.safeParse(loaded.data, { reportInput: true });
  const problems: Problem[] = parsed.success
    ? [
        ...checkRules(parsed.data, loaded),
        ...(options.glyphs ? locateProblems(loaded, checkGlyphs(parsed.data)) : []),
      ]
    : problemsFromIssues(parsed.error.issues, loaded, {
        suggest: suggestField,
        // A capex entry is a figure or, with `estimateFrom`, an estimate: report that branch.
        pickBranch: (input) =>
          typeof input === 'object' && input !== null && 'estimateFrom' in input ? 1 : 0,
      });
  refuse(loaded, problems);
  return parsed.data as Week;
}

/**
 * Every token of the texts names a figure of `metrics` (one the data cannot give is told why);
 * both languages carry the same numbers; every derived figure is in its unit's range.
 */
export function validateTexts(week: Week, metrics: Metrics, loaded: LoadedWeek): void {
  const ids = new Set(metrics.figures.keys());
  const texts = checkTexts(bilingualTexts(week), ids, metrics.notComputed);
  refuse(loaded, locateProblems(loaded, [...texts, ...checkDerivedRanges(metrics)]));
}

function refuse(loaded: LoadedWeek, problems: readonly Problem[]): void {
  if (problems.length > 0) {
    throw new InvalidInputError(msg.week.invalid(loaded.file, problems.length), problems);
  }
}
